/** A content file that cannot become an essay; `file` and `reason` are shown to people. */
export class ContentError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = "ContentError";
  }
}
