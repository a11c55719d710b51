"use client";

import { useTranslations } from "next-intl";
import {
  useId,
  useState,
  useTransition,
  type FormEvent,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from "react";
import type { ActionResult } from "@/lib/http/action";
import { Button } from "./button";
import { cn } from "./cn";

type FormAction<T> = (formData: FormData) => Promise<ActionResult<T>>;

/**
 * Submits a form to a server action without resetting what the user typed when it fails; shows the
 * pending state, the message and the field errors of the result.
 */
export function useActionForm<T>(
  action: FormAction<T>,
  options: { onSuccess?: (data: T) => void; resetOnSuccess?: boolean } = {},
) {
  const [result, setResult] = useState<ActionResult<T> | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    startTransition(async () => {
      const outcome = await action(data);
      setResult(outcome);
      if (outcome.ok) {
        if (options.resetOnSuccess) form.reset();
        options.onSuccess?.(outcome.data);
      } else if (outcome.fields) {
        const first = Object.keys(outcome.fields)[0];
        const field = first
          ? form.querySelector<HTMLElement>(`[name="${CSS.escape(first)}"], [name="${CSS.escape(first)}[]"]`)
          : null;
        field?.focus();
      }
    });
  }

  const fieldError = (name: string) => (result && !result.ok ? result.fields?.[name] : undefined);
  return { onSubmit, pending, result, fieldError };
}

export function FormMessage({ result }: { result: ActionResult<unknown> | null }) {
  if (!result || (result.ok && !result.message)) return null;
  return (
    <div
      role={result.ok ? "status" : "alert"}
      className={cn(
        "rounded-md px-3 py-2 text-sm",
        result.ok ? "bg-green-50 text-green-800" : "bg-red-50 text-red-800",
      )}
    >
      <p>{result.message}</p>
      {!result.ok && result.items && (
        <ul className="ml-5 mt-1 list-disc">
          {result.items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

interface FieldProps {
  label: ReactNode;
  error?: string;
  hint?: ReactNode;
  children: (props: { id: string; "aria-invalid"?: true; "aria-describedby"?: string }) => ReactNode;
  className?: string;
}

export function Field({ label, error, hint, children, className }: FieldProps) {
  const id = useId();
  const describedBy =
    [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cn("flex flex-col gap-1", className)}>
      <label htmlFor={id} className="text-sm font-semibold text-slate-800">
        {label}
      </label>
      {children({ id, ...(error ? { "aria-invalid": true as const } : {}), "aria-describedby": describedBy })}
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

export const inputClass =
  "min-h-10 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm aria-[invalid=true]:border-red-500 sm:text-sm";

export function TextInput({
  label,
  error,
  hint,
  className,
  ...props
}: InputHTMLAttributes<HTMLInputElement> & { label: ReactNode; error?: string; hint?: ReactNode }) {
  return (
    <Field label={label} error={error} hint={hint} className={className}>
      {(field) => <input className={inputClass} {...field} {...props} />}
    </Field>
  );
}

export function TextArea({
  label,
  error,
  hint,
  className,
  ...props
}: TextareaHTMLAttributes<HTMLTextAreaElement> & { label: ReactNode; error?: string; hint?: ReactNode }) {
  return (
    <Field label={label} error={error} hint={hint} className={className}>
      {(field) => <textarea className={cn(inputClass, "min-h-24")} {...field} {...props} />}
    </Field>
  );
}

export function Select({
  label,
  error,
  hint,
  className,
  children,
  ...props
}: SelectHTMLAttributes<HTMLSelectElement> & { label: ReactNode; error?: string; hint?: ReactNode }) {
  return (
    <Field label={label} error={error} hint={hint} className={className}>
      {(field) => (
        <select className={inputClass} {...field} {...props}>
          {children}
        </select>
      )}
    </Field>
  );
}

export function SubmitButton({
  pending,
  children,
  pendingLabel,
  variant,
}: {
  pending: boolean;
  children: ReactNode;
  pendingLabel: ReactNode;
  variant?: "primary" | "danger" | "secondary";
}) {
  return (
    <Button type="submit" disabled={pending} aria-busy={pending} variant={variant}>
      {pending ? pendingLabel : children}
    </Button>
  );
}

/** A form's submit button with its outcome under it (the message of the last result). */
export function FormFooter({
  form,
  children,
  className,
}: {
  form: { pending: boolean; result: ActionResult<unknown> | null };
  children: ReactNode;
  className?: string;
}) {
  const common = useTranslations("common");
  return (
    <div className={cn("space-y-3", className)}>
      <SubmitButton pending={form.pending} pendingLabel={common("saving")}>
        {children}
      </SubmitButton>
      <FormMessage result={form.result} />
    </div>
  );
}
