/**
 * @sawmill/image — links x86 objects into an image and writes bootable files.
 *
 * Layer: toolchain. Public interface: `link`, `writeMultibootElf`, `writeComponentElf`, the boot
 * archive, manifest and image writers, `writeDiskImage` (bootable raw disk), their types, `LinkError`.
 */

export {
  ARCHIVE_ALIGN,
  ARCHIVE_MAGIC,
  type ArchiveEntry,
  readBootArchive,
  writeBootArchive,
} from "./boot-archive.js";
export {
  BOOT_ARCHIVE_ADDRESS_SYMBOL,
  BOOT_ARCHIVE_SIZE_SYMBOL,
  type BootImageInput,
  buildBootImage,
} from "./boot-image.js";
export {
  type BootManifest,
  type ClientGrant,
  type ComponentManifest,
  type EndpointGrant,
  type Grant,
  MANIFEST_ENTRY_NAME,
  MANIFEST_MAGIC,
  type PortRange,
} from "./boot-manifest.js";
export { readBootManifest } from "./boot-manifest-reader.js";
export { writeBootManifest } from "./boot-manifest-writer.js";
export { COMPONENT_BASE, writeComponentElf } from "./component-elf.js";
export {
  DEFAULT_LOADER_NAME,
  type DiskImageOptions,
  MAX_ELF_BYTES,
  MAX_LOADER_NAME,
  writeDiskImage,
} from "./disk-image.js";
export { SECTOR_SIZE } from "./disk-layout.js";
export { MULTIBOOT_BOOTLOADER_MAGIC } from "./disk-loader.js";
export { writeMultibootElf } from "./elf-writer.js";
export { type LinkInput, type LinkOptions, link } from "./link.js";
export { LinkError } from "./link-error.js";
export type { LinkedImage, Segment } from "./linked-image.js";
export { MULTIBOOT_MAGIC } from "./multiboot-header.js";
