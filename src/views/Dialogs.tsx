// The dialogs over every view: the articles behind a figure, and the 待核对 queue. Each loads when
// first opened.
import { lazy, Suspense } from "react";
import type { Language } from "../model/language.ts";
import type { LoadedData } from "../hooks/useDashboardData.ts";
import type { SourcesOf } from "./types.ts";

const SourcesDialog = lazy(() => import("../view/SourcesDialog.tsx"));
const ReviewQueue = lazy(() => import("../review/ReviewQueue.tsx"));

export function Dialogs(props: {
  lang: Language;
  data: LoadedData;
  sourcesOf: SourcesOf | null;
  onCloseSources: () => void;
  queueOpen: boolean;
  onCloseQueue: () => void;
}) {
  const { lang, data } = props;
  const { client } = data;
  if (!client) return null;
  return (
    <>
      {props.sourcesOf ? (
        <Suspense fallback={null}>
          <SourcesDialog
            lang={lang}
            client={client}
            sourceKey={data.dataKey}
            pasted={data.pastedBySource}
            of={props.sourcesOf}
            sources={data.sources}
            regionName={data.nameOf}
            onClose={props.onCloseSources}
          />
        </Suspense>
      ) : null}
      {props.queueOpen ? (
        <Suspense fallback={null}>
          <ReviewQueue
            client={client}
            dataKey={data.dataKey}
            sources={data.sources}
            regionName={data.nameOf}
            pasted={data.pastedBySource}
            onClose={props.onCloseQueue}
          />
        </Suspense>
      ) : null}
    </>
  );
}
