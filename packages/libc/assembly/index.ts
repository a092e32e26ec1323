// The SawMill client library as applications see it: POSIX-style calls imported from the
// "libc" module. An application's imports are its system calls: @sawmill/build reads them,
// links the implementations of exactly those (assembly/calls/<name>.ts) and includes the
// servers that provide them. Declared calls without a provider in the image are build errors.

/** Writes `length` bytes at `buffer` to file descriptor `fd` (1 and 2: the console); result: bytes written or -1. */
@external("libc", "write") export declare function write(fd: i32, buffer: usize, length: usize): isize;
/** Ends the calling application with `code`. */
@external("libc", "exit") export declare function exit(code: i32): void;
/** Opens a file (provided by the file-system servers, @sawmill/vfs); result: a descriptor or -1. */
@external("libc", "open") export declare function open(path: usize, flags: i32): i32;
/** Reads up to `length` bytes (file-system servers); result: bytes read or -1. */
@external("libc", "read") export declare function read(fd: i32, buffer: usize, length: usize): isize;
/** Closes a descriptor (file-system servers). */
@external("libc", "close") export declare function close(fd: i32): i32;

/** Writes a string to standard output as UTF-8. */
export function puts(text: string): isize {
  const bytes = String.UTF8.encode(text);
  return write(1, changetype<usize>(bytes), <usize>bytes.byteLength);
}
