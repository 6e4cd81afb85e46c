import CloudFormation

import YAML

/// Turns the mapping file's YAML into environment entries, checking its shape and pointing at lines.
struct EnvironmentFileReader {
    let file: String

    func read(_ root: Node) throws -> (names: [String], entries: [String: EnvironmentEntry]) {
        guard case .mapping(let top) = root else {
            throw error("The environment mapping must be a mapping with 'defaults' and 'environments'", root.mark)
        }
        var defaults = EnvironmentEntry(name: "defaults")
        var environments: Node.Mapping?
        for pair in top.pairs {
            switch pair.key {
            case "defaults": defaults = try entry("defaults", pair.value, base: defaults)
            case "environments":
                guard case .mapping(let mapping) = pair.value else {
                    throw error("'environments' must map each environment's name to its settings", pair.value.mark)
                }
                environments = mapping
            default:
                throw error("Unknown key '\(pair.key)'; the file has 'defaults' and 'environments'", pair.keyMark)
            }
        }
        guard let environments, !environments.pairs.isEmpty else {
            throw error("The environment mapping defines no environments; add them under 'environments'", root.mark)
        }
        var names: [String] = []
        var entries: [String: EnvironmentEntry] = [:]
        for pair in environments.pairs {
            let name = pair.key
            guard !name.isEmpty, name.allSatisfy({ ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }) else {
                throw error("Environment name '\(name)' must be lower-case letters, digits and '-'", pair.keyMark)
            }
            var entry = try entry(name, pair.value, base: defaults)
            entry.line = pair.keyMark?.line
            names.append(name)
            entries[name] = entry
        }
        return (names, entries)
    }

    private func entry(_ name: String, _ node: Node, base: EnvironmentEntry) throws -> EnvironmentEntry {
        guard case .mapping(let mapping) = node else {
            throw error("'\(name)' must be a mapping of settings such as 'account' and 'region'", node.mark)
        }
        var entry = base
        entry.name = name
        for pair in mapping.pairs {
            let line = pair.keyMark?.line ?? pair.value.mark?.line
            switch pair.key {
            case "tags":
                guard case .mapping(let tags) = pair.value else {
                    throw error("'tags' of '\(name)' must map tag names to values", pair.value.mark)
                }
                var merged = entry.tags.filter { tag in !tags.pairs.contains { $0.key == tag.key } }
                for tag in tags.pairs {
                    merged.append((tag.key, EnvironmentEntry.Located(text: try string(tag.value, "tag '\(tag.key)' of '\(name)'"), line: tag.keyMark?.line)))
                }
                entry.tags = merged.sorted { $0.key < $1.key }
            case "notificationTopics":
                guard case .sequence(let topics) = pair.value else {
                    throw error("'notificationTopics' of '\(name)' must be a list of SNS topic ARNs", pair.value.mark)
                }
                entry.notificationTopics = try topics.items.map {
                    EnvironmentEntry.Located(text: try string($0, "a notification topic of '\(name)'"), line: $0.mark?.line)
                }
            case "protected":
                guard case .scalar(let scalar) = pair.value, case .bool(let flag) = scalar.resolved else {
                    throw error("'protected' of '\(name)' must be true or false", pair.value.mark)
                }
                entry.isProtected = flag
            case let key where EnvironmentMapping.keys.contains(key):
                entry.values[key] = EnvironmentEntry.Located(text: try string(pair.value, "'\(key)' of '\(name)'"), line: line)
            default:
                let suggestion = NameSuggestion.didYouMean(pair.key, in: EnvironmentMapping.keys)
                throw error("Unknown key '\(pair.key)' in '\(name)'; the keys are \(EnvironmentMapping.keys.map { "'\($0)'" }.joined(separator: ", ")).\(suggestion)", pair.keyMark, period: false)
            }
        }
        return entry
    }

    private func string(_ node: Node, _ what: String) throws -> String {
        guard case .scalar(let scalar) = node, scalar.tag == nil else {
            throw error("\(what) must be a string", node.mark)
        }
        // The text as written: an account ID without quotes keeps its digits, leading zeros included.
        return scalar.text
    }

    private func error(_ message: String, _ mark: Mark?, period: Bool = true) -> EnvironmentError {
        EnvironmentError(period ? message + "." : message, file: file, line: mark?.line)
    }
}
