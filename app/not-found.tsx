import Link from "next/link";

export default function NotFound() {
  return (
    <div className="narrow-page">
      <h1>Page not found</h1>
      <p>There is no page at this address, or it is not shared with you.</p>
      <p>
        <Link href="/assignments">Back to my assignments</Link>
      </p>
    </div>
  );
}
