export default function Home() {
  return (
    <main>
      <h1>Tessera</h1>
      <p>
        The admin API is at <code>/api/graphql</code>. <a href="/signin">Sign in</a> to the console.
      </p>
    </main>
  );
}
