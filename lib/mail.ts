import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/log";

// E-mail is optional: without SMTP_URL nothing is sent and nothing fails.

let transporter: Transporter | null | undefined;

function transport(): Transporter | null {
  if (transporter !== undefined) return transporter;
  const url = getEnv().SMTP_URL;
  // Short timeouts: an unreachable mail server must not hold work up for minutes.
  transporter = url
    ? nodemailer.createTransport({
        url,
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 20_000,
      })
    : null;
  return transporter;
}

export function mailConfigured(): boolean {
  return transport() !== null;
}

/** Sends one message; false when mail is not configured or the server refused it (logged). */
export async function sendMail(message: { to: string; subject: string; text: string }): Promise<boolean> {
  const smtp = transport();
  if (!smtp) return false;
  try {
    await smtp.sendMail({ from: getEnv().MAIL_FROM, ...message });
    return true;
  } catch (error) {
    log.warn("e-mail not sent", {
      to: message.to,
      error: error instanceof Error ? error.message : String(error),
    });
    return false;
  }
}
