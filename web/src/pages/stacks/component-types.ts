/** How the dashboard names component types: "artifact_store" reads "Artifact store". */
export function typeLabel(type: string): string {
  const words = type.replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}
