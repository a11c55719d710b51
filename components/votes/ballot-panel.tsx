"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { castBallotAction } from "@/lib/votes/actions";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { FormMessage, inputClass, SubmitButton, TextInput, useActionForm } from "@/components/ui/form";

type Choice = "FOR" | "AGAINST" | "ABSTAIN";
const CHOICES: readonly Choice[] = ["FOR", "AGAINST", "ABSTAIN"];
const CHOICE_STYLE: Record<Choice, string> = {
  FOR: "has-[:checked]:border-green-600 has-[:checked]:bg-green-50",
  AGAINST: "has-[:checked]:border-red-600 has-[:checked]:bg-red-50",
  ABSTAIN: "has-[:checked]:border-slate-600 has-[:checked]:bg-slate-100",
};

export interface BallotPanelProps {
  yearId: string;
  sessionId: string;
  method: "APPROVAL" | "PICK_UP_TO_QUOTA" | "ELECTION";
  candidates: { code: string; name: string }[];
  quota: number | null;
  /** The year the election is for (next year). */
  electionYear: number;
  agencyName: string;
  mayVote: boolean;
  hasVoted: boolean;
}

/**
 * The leader's secret ballot. After casting, the receipt code is shown once, from memory only: it is
 * never written to storage, and a reload shows only that the agency has voted. The panel stays mounted
 * across the refresh that follows the vote, so the receipt survives that refresh and nothing else.
 */
export function BallotPanel(props: BallotPanelProps) {
  const t = useTranslations("votes.ballot");
  const [receipt, setReceipt] = useState<string | null>(null);
  if (receipt) return <ReceiptNotice receipt={receipt} />;
  if (props.hasVoted) {
    return (
      <p
        role="status"
        className="rounded-md bg-green-50 px-3 py-3 font-semibold text-green-900"
        data-testid="has-voted"
      >
        ✓ {t("hasVoted")}
      </p>
    );
  }
  if (!props.mayVote) return <p className="text-sm text-slate-600">{t("notOpen")}</p>;
  return <BallotForm {...props} onCast={setReceipt} />;
}

function ReceiptNotice({ receipt }: { receipt: string }) {
  const t = useTranslations("votes.ballot");
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(receipt);
      setCopied(true);
    } catch {
      // No clipboard (an insecure origin, a refused permission): the code stays on screen to write down.
      setCopied(false);
    }
  }
  return (
    <div
      role="status"
      className="space-y-3 rounded-lg border-2 border-green-600 bg-green-50 p-4"
      data-testid="receipt"
    >
      <p className="font-semibold text-green-900">{t("receiptTitle")}</p>
      <p
        className="select-all break-all text-center font-mono text-2xl font-bold tracking-wider text-slate-900 sm:text-3xl"
        data-testid="receipt-code"
      >
        {receipt}
      </p>
      <p className="rounded-md bg-amber-100 px-3 py-2 text-sm font-semibold text-amber-900">
        {t("receiptWarning")}
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <Button variant="secondary" onClick={copy} className="min-h-11">
          {t("copy")}
        </Button>
        <span aria-live="polite" className="text-sm text-green-800">
          {copied ? t("copied") : ""}
        </span>
      </div>
    </div>
  );
}

function BallotForm({
  yearId,
  sessionId,
  method,
  candidates,
  quota,
  electionYear,
  agencyName,
  onCast,
}: BallotPanelProps & { onCast: (receipt: string) => void }) {
  const t = useTranslations("votes.ballot");
  const router = useRouter();
  const id = useId();
  const [approval, setApproval] = useState<Record<string, Choice>>({});
  const [picks, setPicks] = useState<string[]>([]);
  const [post, setPost] = useState<{ LEADER: string; DEPUTY: string }>({ LEADER: "", DEPUTY: "" });
  const [confirmed, setConfirmed] = useState(false);
  const [localError, setLocalError] = useState<{ ballot?: string; confirm?: string }>({});
  const form = useActionForm(castBallotAction.bind(null, yearId, sessionId), {
    onSuccess: (data) => {
      onCast(data.receipt);
      router.refresh();
    },
  });

  const choices =
    method === "APPROVAL"
      ? approval
      : method === "PICK_UP_TO_QUOTA"
        ? picks
        : { LEADER: post.LEADER || null, DEPUTY: post.DEPUTY || null };
  const limit = quota ?? candidates.length;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const errors: { ballot?: string; confirm?: string } = {};
    if (method === "APPROVAL") {
      const missing = candidates
        .filter((candidate) => !approval[candidate.code])
        .map((candidate) => candidate.name);
      if (missing.length > 0) errors.ballot = t("missing", { missing: missing.join(", ") });
    }
    if (method === "ELECTION" && post.LEADER && post.LEADER === post.DEPUTY) errors.ballot = t("sameAgency");
    if (!confirmed) errors.confirm = t("confirmRequired");
    setLocalError(errors);
    if (errors.ballot || errors.confirm) {
      event.preventDefault();
      const target = event.currentTarget.querySelector<HTMLElement>(
        errors.ballot ? "[data-ballot-first]" : `#${CSS.escape(`${id}-confirm`)}`,
      );
      target?.focus();
      return;
    }
    form.onSubmit(event);
  }

  const ballotError =
    localError.ballot ??
    form.fieldError("choices") ??
    form.fieldError("choices.DEPUTY") ??
    form.fieldError("choices.LEADER");

  return (
    <form
      onSubmit={onSubmit}
      className="space-y-5"
      noValidate
      aria-labelledby={`${id}-title`}
      data-testid="ballot-form"
    >
      <div>
        <h2 id={`${id}-title`} className="text-lg font-bold">
          {t("title", { agency: agencyName })}
        </h2>
        <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
      </div>
      <input type="hidden" name="choices" value={JSON.stringify(choices)} />

      {method === "APPROVAL" && (
        <ol className="space-y-3">
          {candidates.map((candidate, index) => (
            <li key={candidate.code}>
              <fieldset
                role="radiogroup"
                aria-required="true"
                aria-labelledby={`${id}-c-${candidate.code}`}
                className="rounded-md border border-slate-200 p-3"
                data-candidate={candidate.code}
              >
                <legend id={`${id}-c-${candidate.code}`} className="px-1 font-semibold">
                  {index + 1}. {candidate.name}
                </legend>
                <div className="mt-2 grid gap-2 sm:grid-cols-3">
                  {CHOICES.map((choice, choiceIndex) => (
                    <label
                      key={choice}
                      className={cn(
                        "flex min-h-11 cursor-pointer items-center gap-3 rounded-md border border-slate-300 px-3 py-2 text-base",
                        CHOICE_STYLE[choice],
                      )}
                    >
                      <input
                        type="radio"
                        name={`choice-${candidate.code}`}
                        value={choice}
                        className="size-5"
                        checked={approval[candidate.code] === choice}
                        onChange={() => setApproval((current) => ({ ...current, [candidate.code]: choice }))}
                        {...(index === 0 && choiceIndex === 0 ? { "data-ballot-first": true } : {})}
                      />
                      {t(choice)}
                    </label>
                  ))}
                </div>
              </fieldset>
            </li>
          ))}
        </ol>
      )}

      {method === "PICK_UP_TO_QUOTA" && (
        <fieldset className="space-y-2" aria-describedby={`${id}-picked`}>
          <p
            id={`${id}-picked`}
            aria-live="polite"
            className="text-sm font-semibold"
            data-testid="picked-count"
          >
            {t("picked", { count: picks.length, quota: limit })}
            {picks.length >= limit && (
              <span className="ml-2 font-normal text-slate-600">{t("pickLimit", { quota: limit })}</span>
            )}
          </p>
          {candidates.map((candidate, index) => {
            const checked = picks.includes(candidate.code);
            return (
              <label
                key={candidate.code}
                className="flex min-h-11 cursor-pointer items-center gap-3 rounded-md border border-slate-300 px-3 py-2 text-base has-[:checked]:border-green-600 has-[:checked]:bg-green-50 has-[:disabled]:cursor-not-allowed has-[:disabled]:opacity-60"
              >
                <input
                  type="checkbox"
                  className="size-5"
                  checked={checked}
                  disabled={!checked && picks.length >= limit}
                  onChange={(event) =>
                    setPicks((current) =>
                      event.target.checked
                        ? current.length < limit
                          ? [...current, candidate.code]
                          : current
                        : current.filter((code) => code !== candidate.code),
                    )
                  }
                  {...(index === 0 ? { "data-ballot-first": true } : {})}
                />
                {candidate.name}
              </label>
            );
          })}
        </fieldset>
      )}

      {method === "ELECTION" && (
        <div className="grid gap-4 sm:grid-cols-2">
          {(["LEADER", "DEPUTY"] as const).map((key) => (
            <label key={key} className="flex flex-col gap-1 text-sm font-semibold text-slate-800">
              {key === "LEADER" ? t("leader", { year: electionYear }) : t("deputy", { year: electionYear })}
              <select
                className={cn(inputClass, "min-h-11")}
                value={post[key]}
                onChange={(event) => setPost((current) => ({ ...current, [key]: event.target.value }))}
                {...(key === "LEADER" ? { "data-ballot-first": true } : {})}
              >
                <option value="">{t("blank")}</option>
                {candidates.map((candidate) => (
                  <option key={candidate.code} value={candidate.code}>
                    {candidate.name}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </div>
      )}
      {ballotError && (
        <p role="alert" className="text-sm font-semibold text-red-700">
          {ballotError}
        </p>
      )}

      <div>
        <label className="flex items-start gap-3 rounded-md border border-slate-300 bg-white p-3 text-sm">
          <input
            id={`${id}-confirm`}
            type="checkbox"
            className="mt-0.5 size-5 shrink-0"
            checked={confirmed}
            onChange={(event) => setConfirmed(event.target.checked)}
            aria-invalid={localError.confirm ? true : undefined}
          />
          <span>{t("confirm")}</span>
        </label>
        {localError.confirm && <p className="mt-1 text-sm text-red-700">{localError.confirm}</p>}
      </div>
      <TextInput
        label={t("password")}
        name="password"
        type="password"
        autoComplete="current-password"
        required
        hint={t("passwordHint")}
        error={form.fieldError("password")}
      />
      <SubmitButton pending={form.pending} pendingLabel={t("pending")}>
        {t("submit")}
      </SubmitButton>
      {form.result && !form.result.ok && !form.result.fields && <FormMessage result={form.result} />}
    </form>
  );
}
