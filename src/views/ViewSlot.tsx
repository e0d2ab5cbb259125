// Where one registered view goes in the panel: its body when it is the view shown and what it
// needs is loaded; a view kept mounted stays, hidden, once it has been opened.
import type { ViewContext, ViewRecord } from "./types.ts";
import { Preparing } from "../view/Status.tsx";

export function ViewSlot(props: {
  record: ViewRecord;
  ctx: ViewContext;
  shown: boolean;
  opened: boolean;
  /** The facts are loaded (else only views that do without them show). */
  factsReady: boolean;
  /** The region table is loaded. */
  regionsReady: boolean;
}) {
  const { record, ctx } = props;
  const ready = record.needsFacts ? props.factsReady : props.regionsReady;
  const { client } = ctx.data;
  if (!client || !ready) return null;
  const { Body } = record;
  // While a large indicator's points are being made, a view of the indicator says so rather than
  // show an empty selection (views kept mounted keep their own state and stay).
  if (ctx.preparing && record.needsFacts && !record.keepMounted)
    return props.shown ? <Preparing lang={ctx.lang} /> : null;
  if (record.keepMounted)
    return props.opened ? (
      <div hidden={!props.shown}>
        <Body ctx={{ ...ctx, record }} client={client} />
      </div>
    ) : null;
  return props.shown ? <Body ctx={ctx} client={client} /> : null;
}
