/** "Mario Rossi": a person's or an operator's name as the pages show it. */
export function fullName(person: { givenName: string; familyName: string }): string {
  return `${person.givenName} ${person.familyName}`;
}
