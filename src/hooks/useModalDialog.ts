// A <dialog> opened as a modal when it mounts, whose closing (Escape, a close button, the form's
// own close) tells its owner: the owner unmounts it then. Returns the ref to put on the element.
import { useEffect, useRef } from "react";

export function useModalDialog(onClose: () => void) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    const onClosed = () => onClose();
    element?.addEventListener("close", onClosed);
    return () => element?.removeEventListener("close", onClosed);
  }, [onClose]);
  return dialog;
}
