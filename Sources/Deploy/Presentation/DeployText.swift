import AWSResources
import CloudFormation
import Foundation

/// The lines deploy prints: stable, one per event, UTC times, nothing that differs between runs of the same
/// sequence.
public enum DeployText {
    /// `2026-11-21T20:42:01Z`: always UTC, never local time.
    public static func time(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02dZ", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0,
            c.minute ?? 0, c.second ?? 0)
    }

    /// `20261121T204201Z`, for change set names.
    public static func compactTime(_ date: Date) -> String {
        time(date).replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")
    }

    /// One event: time, logical ID, type, status, and the reason when there is one.
    public static func event(_ event: DeployEvent) -> String {
        var line = "\(time(event.timestamp))  \(event.logicalID)  \(event.resourceType)  \(event.status)"
        if let reason = event.reason, !reason.isEmpty { line += "  \(oneLine(reason))" }
        return line
    }

    /// The change set, one resource a line, stateful replacements called out.
    public static func changeSet(
        _ changeSet: ChangeSetSnapshot, type: DeployStateMachine.ChangeSetType, stackName: String
    ) -> [String] {
        var lines = ["Change set \(changeSet.name) for \(stackName) (\(type == .create ? "create" : "update"), \(count(changeSet.changes.count, "change"))):"]
        var warnings: [String] = []
        for change in changeSet.changes {
            let symbol = switch change.action {
            case .add: "+"
            case .remove: "-"
            case .modify: "~"
            case .import: "<"
            case .dynamic: "?"
            }
            var line = "  \(symbol) \(change.logicalID)  \(change.resourceType)"
            if !change.properties.isEmpty { line += "  (\(change.properties.joined(separator: ", ")))" }
            switch change.replacement {
            case .always: line += "  REPLACED"
            case .conditional: line += "  MAY BE REPLACED"
            default: break
            }
            lines.append(line)
            let replaced = change.replacement == .always || change.replacement == .conditional
            if change.action == .modify, replaced, ResourceSchemas.isStateful(ResourceType(change.resourceType)) {
                warnings.append("  !! \(change.logicalID) (\(change.resourceType)) holds data and \(change.replacement == .always ? "will" : "may") be REPLACED: the new one starts empty. Check the change before approving.")
            }
            if change.action == .remove, ResourceSchemas.isStateful(ResourceType(change.resourceType)) {
                warnings.append("  !! \(change.logicalID) (\(change.resourceType)) holds data and will be REMOVED (unless its DeletionPolicy retains it).")
            }
        }
        return lines + warnings
    }

    /// The outputs, sorted by key.
    public static func outputs(_ outputs: [StackOutputValue]) -> [String] {
        guard !outputs.isEmpty else { return [] }
        let width = outputs.map(\.key.count).max() ?? 0
        return ["Outputs:"] + outputs.sorted { $0.key < $1.key }.map { "  \($0.key.padding(width))  \($0.value)" }
    }

    static func count(_ n: Int, _ noun: String) -> String { n == 1 ? "1 \(noun)" : "\(n) \(noun)s" }

    /// `Drift: DRIFTED, last checked 2027-01-15T08:00:00Z.`; never checked says how to check.
    static func drift(_ status: String, checked: Date?, stackName: String) -> String {
        switch status {
        case "NOT_CHECKED":
            return "Drift: not checked yet (`aws cloudformation detect-stack-drift --stack-name \(stackName)` checks it)."
        default:
            let last = checked.map { ", last checked \(time($0))" } ?? ""
            return "Drift: \(status)\(last)."
        }
    }

    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
