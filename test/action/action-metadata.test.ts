import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';

/**
 * action.yml and the workflow that uses it, checked against GitHub's metadata rules for composite actions
 * (docs.github.com, "Metadata syntax for GitHub Actions") and against each other: what GitHub would only
 * report on a runner, after a push.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function load(path: string): { text: string; value: Record<string, unknown> } {
  const text = readFileSync(join(ROOT, path), 'utf8');
  // Strict: duplicate keys, bad indentation and the like are errors, as they are on GitHub.
  const document = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  expect(
    document.errors.map((error) => error.message),
    path,
  ).toEqual([]);
  return { text, value: document.toJS() as Record<string, unknown> };
}

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  shell?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
}

interface Input {
  description?: unknown;
  required?: unknown;
  default?: unknown;
}

const action = load('action.yml');
const inputs = action.value.inputs as Record<string, Input>;
const outputs = action.value.outputs as Record<string, { description?: unknown; value?: unknown }>;
const runs = action.value.runs as { using?: unknown; steps?: Step[] };
const steps = runs.steps ?? [];

/** Every `${{ … }}` expression in a text. */
const expressions = (text: string): string[] =>
  [...text.matchAll(/\$\{\{([\s\S]*?)\}\}/g)].map((match) => match[1] ?? '');

describe('action.yml', () => {
  it('has the required top-level keys of a composite action', () => {
    expect(typeof action.value.name).toBe('string');
    expect(typeof action.value.description).toBe('string');
    expect(runs.using).toBe('composite');
    expect(steps.length).toBeGreaterThan(5);
    expect(
      Object.keys(action.value).every((key) =>
        ['name', 'description', 'author', 'inputs', 'outputs', 'runs', 'branding'].includes(key),
      ),
    ).toBe(true);
  });

  it('declares every input with a description; a required one has no default', () => {
    expect(Object.keys(inputs)).toEqual(expect.arrayContaining(['workloads', 'base-ref', 'threshold', 'fail-on']));
    for (const [name, input] of Object.entries(inputs)) {
      expect(name, name).toMatch(/^[A-Za-z_][A-Za-z0-9_-]*$/);
      expect(typeof input.description, name).toBe('string');
      if (input.required === true) expect(input.default, name).toBeUndefined();
      if (input.default !== undefined) expect(typeof input.default, name).toBe('string');
    }
  });

  it('gives every step a shell where it runs a command, and one of uses or run', () => {
    for (const step of steps) {
      const label = step.name ?? step.id ?? JSON.stringify(step);
      expect(Number(step.uses !== undefined) + Number(step.run !== undefined), label).toBe(1);
      if (step.run !== undefined) expect(step.shell, label).toBe('bash');
      if (step.uses !== undefined) expect(step.uses, label).toMatch(/^actions\/[a-z-]+(\/[a-z-]+)?@v\d+$/);
      if (step.id !== undefined) expect(step.id, label).toMatch(/^[A-Za-z_][A-Za-z0-9_-]*$/);
    }
    const ids = steps.flatMap((step) => (step.id === undefined ? [] : [step.id]));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('uses only inputs it declares, and declares none it does not use', () => {
    const used = new Set(
      expressions(action.text).flatMap((expression) =>
        [...expression.matchAll(/\binputs\.([A-Za-z0-9_-]+)/g)].map((match) => match[1] ?? ''),
      ),
    );
    for (const name of used) expect(Object.keys(inputs), `inputs.${name}`).toContain(name);
    const runsText = action.text.slice(action.text.indexOf('\nruns:'));
    for (const name of Object.keys(inputs)) expect(runsText, `input ${name} is never used`).toContain(`inputs.${name}`);
  });

  it('reads step outputs only from earlier steps that have that id, and every output names one', () => {
    const earlier = new Set<string>();
    for (const step of steps) {
      const text = JSON.stringify(step);
      for (const match of text.matchAll(/steps\.([A-Za-z0-9_-]+)\.outputs/g))
        expect([...earlier], `${step.name}: steps.${match[1]}`).toContain(match[1]);
      if (step.id !== undefined) earlier.add(step.id);
    }
    for (const [name, output] of Object.entries(outputs)) {
      expect(typeof output.description, name).toBe('string');
      const id = /steps\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)/.exec(String(output.value));
      expect(id, name).not.toBeNull();
      expect(earlier.has(id?.[1] ?? ''), name).toBe(true);
    }
  });

  it('pastes no expression into a shell command: inputs reach the scripts as environment variables', () => {
    for (const step of steps) {
      if (step.run === undefined) continue;
      expect(expressions(step.run), step.name).toEqual([]);
    }
  });

  it('runs scripts that exist and are executable, and every script there is used', () => {
    const referenced = [...action.text.matchAll(/\$GITHUB_ACTION_PATH\/(scripts\/action\/[a-z-]+\.sh)/g)].map(
      (match) => match[1] ?? '',
    );
    expect(referenced.length).toBeGreaterThan(5);
    for (const script of referenced) {
      expect(existsSync(join(ROOT, script)), script).toBe(true);
      accessSync(join(ROOT, script), constants.X_OK);
    }
  });

  it('runs its checks first and fails the job last, after the upload', () => {
    expect(steps[0]?.name).toBe('check inputs');
    expect(steps.at(-1)?.name).toBe('gate');
    const upload = steps.findIndex((step) => step.uses?.startsWith('actions/upload-artifact@') === true);
    expect(upload).toBeGreaterThan(steps.findIndex((step) => step.id === 'ab'));
    expect(String(steps[upload]?.if)).toMatch(/^always\(\)/);
  });
});

describe('.github/workflows/bench.yml', () => {
  const workflow = load('.github/workflows/bench.yml');
  const jobs = workflow.value.jobs as Record<
    string,
    { if?: string; steps?: Step[]; strategy?: { matrix?: { runner?: string[] } } }
  >;
  const triggers = workflow.value.on as Record<string, unknown>;

  it('gates pull requests with the action, keeps the cross-machine matrix, and runs a nightly A/A job', () => {
    expect(Object.keys(triggers)).toEqual(expect.arrayContaining(['pull_request', 'push', 'schedule']));
    expect((triggers.schedule as Array<{ cron: string }>)[0]?.cron).toMatch(/^\S+ \S+ \* \* \*$/);
    expect(jobs.bench?.strategy?.matrix?.runner?.length).toBeGreaterThanOrEqual(3);
    expect(jobs['compare-machines']).toBeDefined();
    const gate = jobs.regression?.steps?.find((step) => step.uses === './');
    expect(gate).toBeDefined();
    expect(jobs.regression?.if).toContain("github.event_name == 'pull_request'");
    expect(jobs['false-alarms']?.if).toContain("github.event_name == 'schedule'");
    expect(JSON.stringify(jobs['false-alarms']?.steps)).toContain('scripts/action/aa-rate.sh');
  });

  it('passes the action only inputs it declares, and every required one', () => {
    const gate = jobs.regression?.steps?.find((step) => step.uses === './');
    const given = Object.keys(gate?.with ?? {});
    for (const name of given) expect(Object.keys(inputs), name).toContain(name);
    for (const [name, input] of Object.entries(inputs))
      if (input.required === true) expect(given, name).toContain(name);
  });

  it('names gate workloads that the build produces', () => {
    const workloads = String((workflow.value.env as Record<string, unknown>).GATE_WORKLOADS).split(',');
    expect(workloads.length).toBeGreaterThan(0);
    // npm test builds first, so dist/ is there.
    for (const workload of workloads) expect(existsSync(join(ROOT, workload)), workload).toBe(true);
  });
});
