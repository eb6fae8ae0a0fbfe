// A page that only says something: not found, session ended.
export function MessagePage({ title, body }: { title: string; body: string }) {
  return (
    <main className="mx-auto max-w-lg px-4 py-20">
      <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
      <p className="mt-4 text-zinc-700 dark:text-zinc-300">{body}</p>
    </main>
  );
}
