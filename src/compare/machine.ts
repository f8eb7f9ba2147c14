import type { Environment } from '../results/schema.js';
import { plural } from '../format/numbers.js';

/**
 * What makes two result files "the same machine" for judging absolute times: the CPU model, the cores the
 * run could use, and the Node major (a new V8 moves timings as much as a new CPU). Host names are left out
 * on purpose: CI runners change names every job but are the same machine for this purpose.
 */
export interface MachineIdentity {
  cpuModel: string;
  usableCores: number;
  nodeMajor: number;
  /** Stable key: equal keys mean the same machine. */
  key: string;
}

export function machineIdentity(environment: Pick<Environment, 'cpuModel' | 'usableCores' | 'node'>): MachineIdentity {
  const cpuModel = environment.cpuModel.trim().replace(/\s+/g, ' ');
  const nodeMajor = nodeMajorOf(environment.node);
  return {
    cpuModel,
    usableCores: environment.usableCores,
    nodeMajor,
    key: `${cpuModel}|${environment.usableCores}|${nodeMajor}`,
  };
}

/** "v20.20.2" or "20.20.2" → 20; an unparsable version gets -1 so it only matches itself. */
export function nodeMajorOf(version: string): number {
  const match = /^v?(\d+)\./.exec(version.trim());
  return match === null ? -1 : Number(match[1]);
}

/** "AMD EPYC, 2 cores, Node 20" — how a machine is named in every output. */
export function describeMachine(identity: MachineIdentity): string {
  return `${identity.cpuModel}, ${plural(identity.usableCores, 'usable core')}, Node ${identity.nodeMajor}`;
}
