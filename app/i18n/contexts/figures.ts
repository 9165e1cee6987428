// The deadline in force as every view of a case shows it, and the notes of the figures credited per unit.
const vi = {
  "deadline.stage": "Giai đoạn hiện tại",
  "deadline.dueOn": "Hạn của giai đoạn này",
  "deadline.dueOn.resident": "Hạn để khiếu nại lên cấp trên",
  "deadline.none": "Không còn thời hạn nào đang tính",
  "deadline.paused": "Tạm dừng tính hạn từ {0} (chờ người dân bổ sung thông tin): mỗi ngày chờ được cộng thêm vào hạn.",
  "deadline.pausedDays": "Đã cộng {0} ngày tạm dừng.",
  "deadline.extended": "Đã gia hạn thêm {0} ngày ({1} lần).",
  "case.answer": "Trả lời của cơ quan",
  "case.answer.at": "Trả lời ngày {0}",
  "stats.credit.note":
    "Mỗi số liệu được tính cho đơn vị đã làm việc đó: hồ sơ chuyển đi hoặc khiếu nại lên huyện vẫn được tính ở đơn vị đã thụ lý và trả lời. Một hồ sơ qua nhiều đơn vị được tính ở mỗi đơn vị đã nhận; dòng Tổng cộng đếm mỗi hồ sơ một lần. Mỗi lần trả lời được đánh giá riêng.",
};

const en: Record<keyof typeof vi, string> = {
  "deadline.stage": "Current stage",
  "deadline.dueOn": "Due date of this stage",
  "deadline.dueOn.resident": "Last day to take it to the upper level",
  "deadline.none": "No time limit is running",
  "deadline.paused": "Clock paused since {0} (waiting for the resident's information): each day of waiting is added to the due date.",
  "deadline.pausedDays": "{0} paused days added.",
  "deadline.extended": "Extended by {0} days ({1} times).",
  "case.answer": "The authority's answer",
  "case.answer.at": "Answered on {0}",
  "stats.credit.note":
    "Each figure is credited to the unit that did it: a case transferred or taken to the district still counts for the unit that accepted and answered it. A case that passed through several units counts at each unit that received it; the Total row counts each case once. Each answer is rated on its own.",
};

export const figures = { vi, en };
