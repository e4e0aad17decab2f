/** Hands a JSON document to the browser as a file download; nothing is kept in the page. */
export const downloadJson = (data: unknown, filename: string): void => {
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the object URL; revoking later keeps slow browsers safe.
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 60_000);
};
