/** After a POST the browser GETs the page it is sent to (303), so a reload never posts again. */
export function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { Location: location } });
}
