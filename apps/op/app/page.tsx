export default function Home() {
  return (
    <main>
      <h1>Tessera</h1>
      <p>
        Each tenant&apos;s OpenID Provider lives under its own path; discovery is at
        <code> /&#123;tenant&#125;/.well-known/openid-configuration</code>.
      </p>
    </main>
  );
}
