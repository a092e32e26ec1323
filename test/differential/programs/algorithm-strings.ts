// AssemblyScript strings with the stub runtime: number formatting, concatenation, comparisons.
export function formatLength(x: i32): i32 { return ("value=" + x.toString() + ";").length; }
export function formatHash(x: i64): i32 {
  const s = x.toString();
  let h = 0;
  for (let i = 0; i < s.length; i++) h = h * 31 + s.charCodeAt(i);
  return h;
}
export function compareStrings(a: i32, b: i32): i32 {
  const x = a.toString(), y = b.toString();
  return (x < y ? 1 : 0) | (x == y ? 2 : 0) | (x.length > y.length ? 4 : 0);
}
