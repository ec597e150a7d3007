import Foundation

/// Expands command-line paths into the Markdown files to check.
public enum GuideFinder {
    /// Files are taken as given (whatever their extension); folders are searched recursively
    /// for Markdown (`*.md`, `*.markdown`, and MDX's `*.mdx` as Docusaurus sites write it), in
    /// sorted order so output is stable across machines.
    public static func markdownFiles(in paths: [String]) -> (files: [String], errors: [InputError]) {
        var files: [String] = []
        var errors: [InputError] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                errors.append(InputError(path: path, message: "no such file or directory"))
                continue
            }
            guard isDirectory.boolValue else {
                files.append(path)
                continue
            }
            guard let enumerator = manager.enumerator(atPath: path) else {
                errors.append(InputError(path: path, message: "folder cannot be read"))
                continue
            }
            var found: [String] = []
            while let relative = enumerator.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                if name.hasPrefix(".") {
                    enumerator.skipDescendants()
                    continue
                }
                if Self.isMarkdownName(relative) {
                    let full = path.hasSuffix("/") ? path + relative : path + "/" + relative
                    var isDir: ObjCBool = false
                    if manager.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue {
                        found.append(full)
                    }
                }
            }
            if found.isEmpty {
                errors.append(InputError(path: path, message: "folder holds no Markdown (*.md, *.mdx, *.markdown) files"))
            }
            files += found.sorted()
        }
        return (files, errors)
    }

    static func isMarkdownName(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.hasSuffix(".md") || lower.hasSuffix(".mdx") || lower.hasSuffix(".markdown")
    }
}
