"use client";

import { useTranslations } from "next-intl";
import { useEffect, useMemo, useRef, useState, useTransition, type ReactNode } from "react";
import { copyCriteriaAction, saveCriteriaTableAction } from "@/lib/criteria/actions";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { FormMessage, Select, TextArea, TextInput } from "@/components/ui/form";
import { CRITERION_KINDS, type CriteriaTable } from "@/lib/criteria/schemas";
import type { ActionResult } from "@/lib/http/action";
import { formatPoints, formatX100, fromX100, parsePoints, pointsText, roundX100 } from "@/lib/scores/points";

type Kind = (typeof CRITERION_KINDS)[number];

interface DraftCriterion {
  key: string;
  id?: string;
  code: string;
  title: string;
  guidance: string;
  max: string;
  evidenceRequired: boolean;
}

interface DraftGroup {
  key: string;
  id?: string;
  code: string;
  title: string;
  kind: Kind;
  max: string;
  criteria: DraftCriterion[];
}

function toDrafts(table: CriteriaTable): DraftGroup[] {
  return table.groups.map((group) => ({
    key: group.id,
    id: group.id,
    code: group.code,
    title: group.title,
    kind: group.kind,
    max: pointsText(group.max),
    criteria: group.criteria.map((criterion) => ({
      key: criterion.id,
      id: criterion.id,
      code: criterion.code,
      title: criterion.title,
      guidance: criterion.guidance,
      max: pointsText(criterion.max),
      evidenceRequired: criterion.evidenceRequired,
    })),
  }));
}

/** A max typed in a field, in hundredths, or null when it is not (yet) a number. */
const maxX100Of = (text: string) => {
  const reading = parsePoints(text);
  return reading.ok ? reading.x100 : null;
};

function move<T>(items: T[], from: number, to: number): T[] {
  if (to < 0 || to >= items.length) return items;
  const copy = [...items];
  const [item] = copy.splice(from, 1);
  copy.splice(to, 0, item!);
  return copy;
}

const FIELD_PATH =
  /^groups\.\d+\.(code|title|kind|max|criteria\.\d+\.(code|title|guidance|max|evidenceRequired))$/;

/**
 * The secretariat's editor of the whole criteria tree: groups and criteria added, edited, reordered
 * (buttons, keyboard reachable) and deleted locally, then saved at once with the revision it started
 * from. Sums per group and of the base groups against the year's scale are shown as one types.
 */
export function CriteriaEditor({ table }: { table: CriteriaTable }) {
  const t = useTranslations("criteriaTable");
  const v = useTranslations("validation");
  const common = useTranslations("common");
  const [groups, setGroups] = useState<DraftGroup[]>(() => toDrafts(table));
  const [revision, setRevision] = useState(table.revision);
  const [saved, setSaved] = useState(() => JSON.stringify(toDrafts(table)));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();
  const counter = useRef(0);
  const focusNext = useRef<string | null>(null);
  const dirty = JSON.stringify(groups) !== saved;

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  // After adding or moving, keep the keyboard where the person is working.
  useEffect(() => {
    if (!focusNext.current) return;
    const target = document.querySelector<HTMLElement>(focusNext.current);
    focusNext.current = null;
    target?.focus();
  });

  const newKey = () => `new-${(counter.current += 1)}`;
  const scale = table.scale;
  const baseSumX100 = useMemo(
    () =>
      groups
        .filter((group) => group.kind === "BASE")
        .reduce((sum, group) => sum + (maxX100Of(group.max) ?? 0), 0),
    [groups],
  );

  function replaceAll(next: CriteriaTable) {
    const drafts = toDrafts(next);
    setGroups(drafts);
    setSaved(JSON.stringify(drafts));
    setRevision(next.revision);
    setErrors({});
  }

  function updateGroup(g: number, patch: Partial<DraftGroup>, path?: string) {
    setGroups((all) => all.map((group, index) => (index === g ? { ...group, ...patch } : group)));
    if (path) clearError(path);
  }

  function updateCriterion(g: number, c: number, patch: Partial<DraftCriterion>, path?: string) {
    setGroups((all) =>
      all.map((group, index) =>
        index === g
          ? {
              ...group,
              criteria: group.criteria.map((criterion, j) =>
                j === c ? { ...criterion, ...patch } : criterion,
              ),
            }
          : group,
      ),
    );
    if (path) clearError(path);
  }

  function clearError(path: string) {
    setErrors((all) => {
      if (!(path in all)) return all;
      const { [path]: _removed, ...rest } = all;
      return rest;
    });
  }

  /** Structural edits shift the paths errors refer to: they are cleared. */
  function restructure(next: (all: DraftGroup[]) => DraftGroup[], focus?: string) {
    setGroups(next);
    setErrors({});
    focusNext.current = focus ?? null;
  }

  function addGroup() {
    const key = newKey();
    restructure(
      (all) => [...all, { key, code: "", title: "", kind: "BASE", max: "", criteria: [] }],
      `[data-key="${key}"] input`,
    );
  }

  function addCriterion(g: number) {
    const key = newKey();
    restructure(
      (all) =>
        all.map((group, index) =>
          index === g
            ? {
                ...group,
                criteria: [
                  ...group.criteria,
                  {
                    key,
                    code: group.code ? `${group.code}.${group.criteria.length + 1}` : "",
                    title: "",
                    guidance: "",
                    max: "",
                    evidenceRequired: false,
                  },
                ],
              }
            : group,
        ),
      `[data-key="${key}"] input`,
    );
  }

  function moveGroup(g: number, to: number, direction: "up" | "down") {
    const key = groups[g]!.key;
    const edge = to === 0 || to === groups.length - 1;
    restructure(
      (all) => move(all, g, to),
      `[data-move="${key}-${edge ? (direction === "up" ? "down" : "up") : direction}"]`,
    );
  }

  function moveCriterion(g: number, c: number, to: number, direction: "up" | "down") {
    const group = groups[g]!;
    const key = group.criteria[c]!.key;
    const edge = to === 0 || to === group.criteria.length - 1;
    restructure(
      (all) =>
        all.map((item, index) => (index === g ? { ...item, criteria: move(item.criteria, c, to) } : item)),
      `[data-move="${key}-${edge ? (direction === "up" ? "down" : "up") : direction}"]`,
    );
  }

  function deleteGroup(g: number) {
    const group = groups[g]!;
    if (
      group.criteria.length > 0 &&
      !window.confirm(
        t("editor.confirmDeleteGroup", { code: group.code || "?", count: group.criteria.length }),
      )
    )
      return;
    restructure((all) => all.filter((_, index) => index !== g), "[data-add-group]");
  }

  function deleteCriterion(g: number, c: number) {
    restructure(
      (all) =>
        all.map((group, index) =>
          index === g ? { ...group, criteria: group.criteria.filter((_, j) => j !== c) } : group,
        ),
      `[data-key="${groups[g]!.key}"] [data-add-criterion]`,
    );
  }

  function save() {
    const problems: Record<string, string> = {};
    const maxProblem = (text: string, path: string) => {
      const reading = parsePoints(text, { positive: true });
      if (!reading.ok) problems[path] = v(reading.problem, { max: "" });
      else if (reading.x100 === null) problems[path] = v("required");
      return reading.ok ? fromX100(reading.x100 ?? 0) : 0;
    };
    const input = {
      revision,
      groups: groups.map((group, g) => ({
        ...(group.id ? { id: group.id } : {}),
        code: group.code,
        title: group.title,
        kind: group.kind,
        max: maxProblem(group.max, `groups.${g}.max`),
        criteria: group.criteria.map((criterion, c) => ({
          ...(criterion.id ? { id: criterion.id } : {}),
          code: criterion.code,
          title: criterion.title,
          guidance: criterion.guidance,
          max: maxProblem(criterion.max, `groups.${g}.criteria.${c}.max`),
          evidenceRequired: criterion.evidenceRequired,
        })),
      })),
    };
    if (Object.keys(problems).length > 0) {
      setErrors(problems);
      setResult({ ok: false, code: "VALIDATION", message: t("editor.fixErrors") });
      focusError(problems);
      return;
    }
    startTransition(async () => {
      const outcome = await saveCriteriaTableAction(table.yearId, input);
      setResult(outcome);
      if (outcome.ok) replaceAll(outcome.data);
      else {
        setErrors(outcome.fields ?? {});
        if (outcome.fields) focusError(outcome.fields);
      }
    });
  }

  function copyFromPreviousYear() {
    if (groups.length > 0 && !window.confirm(t("editor.confirmCopy"))) return;
    startTransition(async () => {
      const outcome = await copyCriteriaAction(table.yearId);
      setResult(outcome);
      if (outcome.ok) replaceAll(outcome.data);
    });
  }

  function focusError(fields: Record<string, string>) {
    const first = Object.keys(fields).find((path) => FIELD_PATH.test(path));
    if (first) document.querySelector<HTMLElement>(`[data-path="${CSS.escape(first)}"]`)?.focus();
  }

  const unplaced = Object.entries(errors).filter(([path]) => !FIELD_PATH.test(path));
  const err = (path: string) => errors[path];

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3">
        <Button variant="secondary" onClick={copyFromPreviousYear} disabled={pending}>
          {t("editor.copy")}
        </Button>
        <p className="text-sm text-slate-600">{t("editor.intro")}</p>
      </div>

      {groups.length === 0 && <p className="text-sm text-slate-600">{t("empty")}</p>}

      {groups.map((group, g) => {
        const groupMaxX100 = maxX100Of(group.max);
        const sumX100 = group.criteria.reduce(
          (total, criterion) => total + (maxX100Of(criterion.max) ?? 0),
          0,
        );
        const over = groupMaxX100 !== null && sumX100 > groupMaxX100;
        const groupName = group.code || t("editor.groupNumber", { number: g + 1 });
        return (
          <fieldset
            key={group.key}
            data-key={group.key}
            className="space-y-4 rounded-lg border border-slate-300 bg-white p-4 shadow-sm sm:p-6"
          >
            <legend className="px-1 text-base font-semibold text-slate-900">
              {t("editor.groupLegend", { name: groupName })}
            </legend>
            <div className="grid gap-3 sm:grid-cols-[7rem_1fr_11rem_8rem]">
              <TextInput
                label={t("fields.groupCode")}
                value={group.code}
                maxLength={10}
                autoCapitalize="characters"
                data-path={`groups.${g}.code`}
                error={err(`groups.${g}.code`)}
                onChange={(event) => updateGroup(g, { code: event.target.value }, `groups.${g}.code`)}
              />
              <TextInput
                label={t("fields.groupTitle")}
                value={group.title}
                maxLength={300}
                data-path={`groups.${g}.title`}
                error={err(`groups.${g}.title`)}
                onChange={(event) => updateGroup(g, { title: event.target.value }, `groups.${g}.title`)}
              />
              <Select
                label={t("fields.kind")}
                value={group.kind}
                data-path={`groups.${g}.kind`}
                error={err(`groups.${g}.kind`)}
                onChange={(event) => updateGroup(g, { kind: event.target.value as Kind }, `groups.${g}.kind`)}
              >
                {CRITERION_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`kinds.${kind}`)}
                  </option>
                ))}
              </Select>
              <TextInput
                label={t("fields.max")}
                value={group.max}
                inputMode="decimal"
                data-path={`groups.${g}.max`}
                error={err(`groups.${g}.max`)}
                onChange={(event) => updateGroup(g, { max: event.target.value }, `groups.${g}.max`)}
              />
            </div>
            <p
              className={cn("text-sm", over ? "font-semibold text-red-700" : "text-slate-600")}
              data-testid={`group-sum-${g}`}
            >
              {t("editor.groupSum", {
                sum: formatX100(sumX100),
                max: groupMaxX100 === null ? "?" : formatX100(groupMaxX100),
              })}
            </p>
            <ItemButtons
              name={groupName}
              keyName={group.key}
              first={g === 0}
              last={g === groups.length - 1}
              onUp={() => moveGroup(g, g - 1, "up")}
              onDown={() => moveGroup(g, g + 1, "down")}
              onDelete={() => deleteGroup(g)}
              deleteLabel={t("editor.deleteGroup")}
            />

            <ol className="space-y-3">
              {group.criteria.map((criterion, c) => {
                const path = `groups.${g}.criteria.${c}`;
                const criterionName = criterion.code || t("editor.criterionNumber", { number: c + 1 });
                return (
                  <li key={criterion.key} data-key={criterion.key}>
                    <fieldset className="space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3">
                      <legend className="px-1 text-sm font-semibold text-slate-800">
                        {t("editor.criterionLegend", { name: criterionName })}
                      </legend>
                      <div className="grid gap-3 sm:grid-cols-[7rem_1fr_8rem]">
                        <TextInput
                          label={t("fields.criterionCode")}
                          value={criterion.code}
                          maxLength={40}
                          data-path={`${path}.code`}
                          error={err(`${path}.code`)}
                          onChange={(event) =>
                            updateCriterion(g, c, { code: event.target.value }, `${path}.code`)
                          }
                        />
                        <TextInput
                          label={t("fields.criterionTitle")}
                          value={criterion.title}
                          maxLength={500}
                          data-path={`${path}.title`}
                          error={err(`${path}.title`)}
                          onChange={(event) =>
                            updateCriterion(g, c, { title: event.target.value }, `${path}.title`)
                          }
                        />
                        <TextInput
                          label={t("fields.max")}
                          value={criterion.max}
                          inputMode="decimal"
                          data-path={`${path}.max`}
                          error={err(`${path}.max`)}
                          onChange={(event) =>
                            updateCriterion(g, c, { max: event.target.value }, `${path}.max`)
                          }
                        />
                      </div>
                      <TextArea
                        label={t("fields.guidance")}
                        value={criterion.guidance}
                        rows={2}
                        maxLength={4000}
                        className="[&_textarea]:min-h-16"
                        data-path={`${path}.guidance`}
                        error={err(`${path}.guidance`)}
                        onChange={(event) =>
                          updateCriterion(g, c, { guidance: event.target.value }, `${path}.guidance`)
                        }
                      />
                      <label className="flex items-center gap-2 text-sm">
                        <input
                          type="checkbox"
                          className="size-5"
                          checked={criterion.evidenceRequired}
                          data-path={`${path}.evidenceRequired`}
                          onChange={(event) =>
                            updateCriterion(
                              g,
                              c,
                              { evidenceRequired: event.target.checked },
                              `${path}.evidenceRequired`,
                            )
                          }
                        />
                        {t("fields.evidenceRequired")}
                      </label>
                      {err(`${path}.evidenceRequired`) && (
                        <p className="text-sm text-red-700">{err(`${path}.evidenceRequired`)}</p>
                      )}
                      <ItemButtons
                        name={criterionName}
                        keyName={criterion.key}
                        first={c === 0}
                        last={c === group.criteria.length - 1}
                        onUp={() => moveCriterion(g, c, c - 1, "up")}
                        onDown={() => moveCriterion(g, c, c + 1, "down")}
                        onDelete={() => deleteCriterion(g, c)}
                        deleteLabel={t("editor.deleteCriterion")}
                      />
                    </fieldset>
                  </li>
                );
              })}
            </ol>
            <Button variant="secondary" onClick={() => addCriterion(g)} data-add-criterion>
              {t("editor.addCriterion")}
              <span className="sr-only"> {groupName}</span>
            </Button>
          </fieldset>
        );
      })}

      <Button variant="secondary" onClick={addGroup} data-add-group>
        {t("editor.addGroup")}
      </Button>

      <div className="sticky bottom-0 z-10 -mx-4 space-y-3 border-t border-slate-200 bg-white/95 px-4 py-3 backdrop-blur sm:mx-0 sm:rounded-lg sm:border">
        <p
          className={cn(
            "text-sm",
            baseSumX100 > roundX100(scale) ? "font-semibold text-red-700" : "text-slate-700",
          )}
          data-testid="base-sum"
        >
          {t("baseSum", { sum: formatX100(baseSumX100), scale: formatPoints(scale) })}
        </p>
        {unplaced.length > 0 && (
          <ul className="ml-5 list-disc text-sm text-red-700">
            {unplaced.map(([path, message]) => (
              <li key={path}>{message}</li>
            ))}
          </ul>
        )}
        <FormMessage result={result} />
        <div className="flex flex-wrap items-center gap-3">
          <Button onClick={save} disabled={pending} aria-busy={pending}>
            {pending ? common("saving") : t("editor.save")}
          </Button>
          <span className="text-sm text-slate-600" aria-live="polite">
            {dirty ? t("editor.unsaved") : ""}
          </span>
        </div>
      </div>
    </div>
  );
}

function ItemButtons(props: {
  name: string;
  keyName: string;
  first: boolean;
  last: boolean;
  onUp: () => void;
  onDown: () => void;
  onDelete: () => void;
  deleteLabel: ReactNode;
}) {
  const t = useTranslations("criteriaTable.editor");
  return (
    <div className="flex flex-wrap gap-2">
      <Button
        variant="secondary"
        onClick={props.onUp}
        disabled={props.first}
        data-move={`${props.keyName}-up`}
      >
        <span aria-hidden="true">↑</span> {t("moveUp")}
        <span className="sr-only"> {props.name}</span>
      </Button>
      <Button
        variant="secondary"
        onClick={props.onDown}
        disabled={props.last}
        data-move={`${props.keyName}-down`}
      >
        <span aria-hidden="true">↓</span> {t("moveDown")}
        <span className="sr-only"> {props.name}</span>
      </Button>
      <Button variant="ghost" className="text-red-700" onClick={props.onDelete}>
        {props.deleteLabel}
        <span className="sr-only"> {props.name}</span>
      </Button>
    </div>
  );
}
