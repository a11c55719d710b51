import { z } from "zod";
import { jsonColumn } from "@/lib/db/json";

/** Notification.params: the values of the catalog text's placeholders. */
export const notificationParamsColumn = jsonColumn(z.record(z.string(), z.union([z.string(), z.number()])));
