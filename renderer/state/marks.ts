// Timing marks the UI benchmark reads (scripts/bench-ui.ts): when a search started and
// when its answer arrived, when comments arrived. Each name keeps only its latest mark.
export function mark(name: 'csr:search-start' | 'csr:search-answer' | 'csr:comments-answer'): void {
  performance.clearMarks(name);
  performance.mark(name);
}
