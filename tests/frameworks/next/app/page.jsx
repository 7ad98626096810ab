// A server component page (prerendered at build time) with a client component that uses createimage.
import Check from "./check.jsx";

export default function Page() {
  return (
    <main>
      <h1>createimage in a Next.js app-router page</h1>
      <Check />
    </main>
  );
}
