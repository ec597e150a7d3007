import GuideChecks
import GuideRender

/// `render --plan` (and the summary of `render`): per site, what is created, changed and
/// removed, grouped by application, with a unified diff of each file that holds no secret;
/// secret-bearing files and secrets are named with their status only, never shown.
enum PlanPrinter {
    static func describe(_ plans: [SitePlan], diffs: Bool) -> String {
        var text = ""
        for plan in plans {
            text += "site \(plan.site) (\(plan.folder)): "
            guard plan.hasChanges else {
                text += "no changes\n"
                for path in plan.foreign { text += "  kept \(path) (not written by GuideKit)\n" }
                continue
            }
            let counts = [SitePlan.Action.create, .change, .remove].map { action in plan.changes.filter { $0.action == action }.count }
            text += "\(counts[0]) to create, \(counts[1]) to change, \(counts[2]) to remove\n"
            for (application, secret) in plan.secrets.sorted(by: { $0.key < $1.key }) {
                let said: String = switch secret {
                case .new: "new (generated)"
                case .rotated: "rotated (a new one replaces the old)"
                case .kept: "unchanged (kept from the last render)"
                case .imported: "the imported one (guidekit secrets import)"
                case .given: "given by the site file"
                }
                text += "  secret of \(application): \(said)\n"
            }
            for change in plan.changes {
                let sign = switch change.action {
                case .create: "+"
                case .change: "~"
                case .remove: "-"
                }
                text += "  \(sign) \(change.path)\(change.isPrivate ? " (holds a secret: not shown)" : "")\n"
                if diffs, !change.isPrivate {
                    text += UnifiedDiff.render(path: change.path, original: change.old ?? "", fixed: change.new ?? "")
                        .split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "    " + $0 }.joined(separator: "\n")
                    if !text.hasSuffix("\n") { text += "\n" }
                }
            }
            for path in plan.foreign { text += "  kept \(path) (not written by GuideKit)\n" }
        }
        return text
    }
}
