// Answers in the chairman's name: the draft, its approval or return, and the checks an answer passes before it is sent.

export const vi = {
  "event.answer_drafted": "Dự thảo văn bản trả lời (chờ lãnh đạo duyệt)",
  "event.answer_approved": "Lãnh đạo duyệt dự thảo trả lời",
  "event.answer_returned": "Lãnh đạo trả lại dự thảo trả lời",
  "action.draft_answer": "Soạn dự thảo trả lời (trình lãnh đạo duyệt)",
  "action.approve_answer": "Duyệt và gửi",
  "action.return_answer": "Trả lại dự thảo",
  "error.answerNeedsApproval":
    "Văn bản ký thay mặt Chủ tịch, và quyết định giải quyết khiếu nại, tố cáo, phải được lãnh đạo duyệt. Hãy dùng “Soạn dự thảo trả lời” để trình lãnh đạo.",
  "error.answerPlaceholder": "Văn bản còn chỗ trống của mẫu chưa điền: «{0}». Hãy điền nội dung thay cho “…” hoặc “[…]” rồi gửi lại.",
  "error.draftChanged": "Dự thảo đã thay đổi hoặc không còn chờ duyệt. Hãy tải lại trang và xem dự thảo mới nhất.",
  "error.notUnitLeader": "Chỉ lãnh đạo của đơn vị đang giải quyết hồ sơ mới được duyệt văn bản trả lời.",
  "staffCase.draft.title": "Dự thảo trả lời chờ duyệt",
  "staffCase.draft.by": "Người soạn: {0}",
  "staffCase.draft.waiting": "Dự thảo đang chờ lãnh đạo duyệt. Văn bản chỉ được gửi cho người dân sau khi lãnh đạo duyệt.",
  "staffCase.draft.returnNote": "Lý do trả lại, việc cần sửa",
  "staffCase.draft.hint": "Dự thảo được lưu nội bộ, chưa gửi cho người dân. Khi lãnh đạo duyệt, văn bản được gửi và ghi vào diễn biến.",
  "staffCase.draft.replaces": "Dự thảo mới sẽ thay dự thảo đang chờ duyệt.",
  "inbox.awaitingApproval": "Dự thảo chờ duyệt",
  "admin.templates.kind": "Dùng cho loại việc",
  "admin.templates.anyKind": "Mọi loại việc",
  "admin.error.templateKind": "Hãy chọn một loại việc trong danh sách.",
  "staffCase.answer.ownName":
    "Bạn chỉ gửi trực tiếp văn bản ký bằng tên và chức vụ của mình. Văn bản ký thay mặt Chủ tịch phải soạn dự thảo để lãnh đạo duyệt.",
};

export const en: Record<keyof typeof vi, string> = {
  "event.answer_drafted": "Draft answer (awaiting a leader's approval)",
  "event.answer_approved": "A leader approved the draft answer",
  "event.answer_returned": "A leader returned the draft answer",
  "action.draft_answer": "Draft an answer (for a leader's approval)",
  "action.approve_answer": "Approve and send",
  "action.return_answer": "Return the draft",
  "error.answerNeedsApproval":
    "A letter signed on behalf of the chairman, and any decision on a complaint or denunciation, must be approved by a leader. Use “Draft an answer” to submit it to a leader.",
  "error.answerPlaceholder": "The letter still has a blank from the template: «{0}». Fill in the text in place of “…” or “[…]” and send it again.",
  "error.draftChanged": "The draft has changed or is no longer waiting for approval. Reload the page and read the latest draft.",
  "error.notUnitLeader": "Only a leader of the unit handling the case may approve its answer.",
  "staffCase.draft.title": "Draft answer awaiting approval",
  "staffCase.draft.by": "Drafted by: {0}",
  "staffCase.draft.waiting": "The draft is waiting for a leader's approval. It is sent to the resident only once a leader approves it.",
  "staffCase.draft.returnNote": "Why it is returned, what to change",
  "staffCase.draft.hint": "The draft is kept internal and not sent to the resident. When a leader approves it, it is sent and recorded on the timeline.",
  "staffCase.draft.replaces": "A new draft replaces the one awaiting approval.",
  "inbox.awaitingApproval": "Draft awaiting approval",
  "admin.templates.kind": "For the kind",
  "admin.templates.anyKind": "Any kind",
  "admin.error.templateKind": "Choose a kind from the list.",
  "staffCase.answer.ownName":
    "You may send directly only a letter signed with your own name and post. A letter on behalf of the chairman must be drafted for a leader's approval.",
};
