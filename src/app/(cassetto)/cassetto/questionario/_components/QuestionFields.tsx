import { FREE_TEXT_MAX_LENGTH, SCALE_MAX, SCALE_MIN, type Question } from "@/server/questionnaires/schemas";
import { ScaleField, TextareaField } from "@/ui";

interface QuestionFieldsProps {
  questions: Question[];
  values?: Record<string, string>;
  errors?: Record<string, string[]>;
}

/** A campaign's questions as form fields, each named by its key: a scale as radio buttons, a free text as a text area. */
export function QuestionFields({ questions, values = {}, errors = {} }: QuestionFieldsProps) {
  return questions.map((question) =>
    question.type === "scala" ? (
      <ScaleField
        key={question.key}
        name={question.key}
        legend={question.text}
        lowLabel={question.lowLabel}
        highLabel={question.highLabel}
        min={SCALE_MIN}
        max={SCALE_MAX}
        defaultValue={values[question.key]}
        error={errors[question.key]?.[0]}
      />
    ) : (
      <TextareaField
        key={question.key}
        name={question.key}
        label={question.text}
        hint={question.hint}
        defaultValue={values[question.key]}
        error={errors[question.key]?.[0]}
        limit={FREE_TEXT_MAX_LENGTH}
        rows={4}
      />
    ),
  );
}
