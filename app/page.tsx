import Link from "next/link";
import { redirect } from "next/navigation";
import { getViewer } from "@/lib/server/auth/viewer";

export default async function HomePage() {
  if (await getViewer()) redirect("/assignments");
  return (
    <div className="narrow-page">
      <h1>Read sources the way historians do</h1>
      <p className="lead">
        Your class reads an assigned source together: highlight passages, discuss them in threads, and flag the
        source&rsquo;s errors with a proposed correction and evidence. Your teacher reviews the findings.
      </p>
      <p>
        <Link className="button" href="/signin">
          Sign in
        </Link>
      </p>
    </div>
  );
}
