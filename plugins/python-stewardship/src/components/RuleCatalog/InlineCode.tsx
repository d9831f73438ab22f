/**
 * Renders the rule pack's plain-text fields, where commands and file names
 * are written in `backticks`, with those spans as <code>.
 */
export function InlineCode(props: { text: string }) {
  const parts = props.text.split(/`([^`]+)`/);
  return (
    <>
      {parts.map((part, index) =>
        // Odd indexes are the captured backtick spans.
        index % 2 === 1 ? <code key={index}>{part}</code> : part,
      )}
    </>
  );
}
