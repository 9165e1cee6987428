// One page of a list: the page asked for, kept between the first and the last, and where it starts.

export function pageWindow(total: number, requested: number, size: number): { page: number; pages: number; offset: number } {
  const pages = Math.max(1, Math.ceil(total / size));
  const page = Math.min(Math.max(1, requested), pages);
  return { page, pages, offset: (page - 1) * size };
}
