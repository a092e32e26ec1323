/**
 * The typed shapes of a validated configuration, a component manifest and a resolved component.
 *
 * Layer: configurator (host). Interface: types only.
 * Invariant: these mirror schema/*.ts; data is typed as these only after the schema accepted it.
 */
import type { SourceLocation } from "./diagnostic.js";

export type Kind = "driver" | "server" | "library" | "application";

export interface PortRange {
  base: number;
  count: number;
}

/** One entry of `components:` or `applications:` as written. */
export interface InstanceConfig {
  package: string;
  name?: string;
  priority?: number;
  memory?: string;
  stack?: string;
  irqs?: number[];
  ports?: PortRange[];
}

/** An image configuration as written (after schema validation). */
export interface ImageConfig {
  name: string;
  description?: string;
  target: { machine?: "pc"; memory: string };
  components?: InstanceConfig[];
  applications?: InstanceConfig[];
  colocate?: Record<string, string[]>;
}

interface Capabilities {
  interfaces?: string[];
  syscalls?: string[];
}

/** The `sawmill` key of a component's package.json (after schema validation). */
export interface ComponentManifest {
  kind: Kind;
  entry: string;
  description?: string;
  priority?: number;
  provides?: Capabilities;
  requires?: Capabilities;
  resources?: {
    irqs?: number[];
    ports?: PortRange[];
    memory?: string;
    stack?: string;
    configurable?: boolean;
  };
}

/** Where a package was found. */
export interface ResolvedPackage {
  name: string;
  version: string;
  /** Real directory of the package (workspace symlinks followed). */
  dir: string;
  packageJson: string;
  manifest: ComponentManifest;
}

/** A configured instance with every default applied: what the image builder needs. */
export interface ResolvedComponent {
  /** Instance name (unique in the image). */
  name: string;
  role: "component" | "application";
  kind: Kind;
  package: ResolvedPackage;
  /** Absolute path of the entry source. */
  entry: string;
  priority: number;
  memoryPages: number;
  stackPages: number;
  irqs: number[];
  ports: PortRange[];
  /** Colocation group, if any; otherwise the component has its own address space (libraries have none). */
  group?: string;
  provides: { interfaces: string[]; syscalls: string[] };
  requires: { interfaces: string[]; syscalls: string[] };
  /** Its entry's `package:` value in the configuration: where later stages report about it. */
  configuredAt: SourceLocation;
}
