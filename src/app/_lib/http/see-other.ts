import { NextResponse } from "next/server";

/** After a POST the browser GETs the page it is sent to (303), so a reload never posts again. */
export function seeOther(location: string): NextResponse {
  return new NextResponse(null, { status: 303, headers: { Location: location } });
}
