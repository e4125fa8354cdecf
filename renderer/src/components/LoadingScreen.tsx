export function LoadingScreen() {
  return (
    <main className="center-screen" aria-busy="true">
      <p className="muted loading-line">Opening your library…</p>
    </main>
  );
}
