import Foundation

// The Language Server Protocol 3.17 structures GuideKit's server uses, as the specification
// names them (https://microsoft.github.io/language-server-protocol/specifications/lsp/3.17/specification/).
// Only the members the server reads or writes are declared; unknown members are ignored.

/// Zero-based line and character; `character` counts UTF-16 code units (the protocol's
/// default position encoding, the only one every client supports).
public struct Position: Sendable, Codable, Hashable, Comparable {
    public var line: Int
    public var character: Int

    public init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.line, lhs.character) < (rhs.line, rhs.character)
    }
}

/// A range; `end` is exclusive.
public struct Range: Sendable, Codable, Hashable {
    public var start: Position
    public var end: Position

    public init(start: Position, end: Position) {
        self.start = start
        self.end = end
    }

    public func contains(_ position: Position) -> Bool {
        start <= position && (position < end || (start == end && position == start))
    }
}

public struct TextDocumentIdentifier: Sendable, Codable, Hashable {
    public var uri: String
}

public struct VersionedTextDocumentIdentifier: Sendable, Codable, Hashable {
    public var uri: String
    public var version: Int?
}

public struct TextDocumentItem: Sendable, Codable, Hashable {
    public var uri: String
    public var languageId: String?
    public var version: Int
    public var text: String
}

public struct DidOpenTextDocumentParams: Sendable, Codable {
    public var textDocument: TextDocumentItem
}

/// One change: with `range`, an incremental change (replace that range by `text`); without,
/// the document's whole new text.
public struct TextDocumentContentChangeEvent: Sendable, Codable, Hashable {
    public var range: Range?
    public var text: String

    public init(range: Range?, text: String) {
        self.range = range
        self.text = text
    }
}

public struct DidChangeTextDocumentParams: Sendable, Codable {
    public var textDocument: VersionedTextDocumentIdentifier
    public var contentChanges: [TextDocumentContentChangeEvent]
}

public struct DidSaveTextDocumentParams: Sendable, Codable {
    public var textDocument: TextDocumentIdentifier
    public var text: String?
}

public struct DidCloseTextDocumentParams: Sendable, Codable {
    public var textDocument: TextDocumentIdentifier
}

public struct Location: Sendable, Codable, Hashable {
    public var uri: String
    public var range: Range

    public init(uri: String, range: Range) {
        self.uri = uri
        self.range = range
    }
}

public struct DiagnosticRelatedInformation: Sendable, Codable, Hashable {
    public var location: Location
    public var message: String

    public init(location: Location, message: String) {
        self.location = location
        self.message = message
    }
}

public struct CodeDescription: Sendable, Codable, Hashable {
    public var href: String

    public init(href: String) {
        self.href = href
    }
}

public enum DiagnosticSeverity: Int, Sendable, Codable {
    case error = 1, warning = 2, information = 3, hint = 4
}

public struct Diagnostic: Sendable, Codable, Hashable {
    public var range: Range
    public var severity: DiagnosticSeverity?
    public var code: String?
    public var codeDescription: CodeDescription?
    public var source: String?
    public var message: String
    public var relatedInformation: [DiagnosticRelatedInformation]?

    public init(range: Range, severity: DiagnosticSeverity?, code: String?, codeDescription: CodeDescription?, source: String?,
                message: String, relatedInformation: [DiagnosticRelatedInformation]?) {
        self.range = range
        self.severity = severity
        self.code = code
        self.codeDescription = codeDescription
        self.source = source
        self.message = message
        self.relatedInformation = relatedInformation
    }
}

public struct PublishDiagnosticsParams: Sendable, Codable {
    public var uri: String
    public var version: Int?
    public var diagnostics: [Diagnostic]

    public init(uri: String, version: Int?, diagnostics: [Diagnostic]) {
        self.uri = uri
        self.version = version
        self.diagnostics = diagnostics
    }
}

public struct TextEdit: Sendable, Codable, Hashable {
    public var range: Range
    public var newText: String

    public init(range: Range, newText: String) {
        self.range = range
        self.newText = newText
    }
}

public struct WorkspaceEdit: Sendable, Codable, Hashable {
    public var changes: [String: [TextEdit]]

    public init(changes: [String: [TextEdit]]) {
        self.changes = changes
    }
}

public struct CodeActionContext: Sendable, Codable {
    /// Kept as JSON: the context may hold other servers' diagnostics (a numeric `code`, an
    /// unknown severity), which must not make the request fail.
    public var diagnostics: [JSONValue]
    public var only: [String]?

    /// The context's diagnostics that read as LSP diagnostics with a string code.
    public var readableDiagnostics: [Diagnostic] {
        diagnostics.compactMap { try? $0.decode(Diagnostic.self) }
    }
}

public struct CodeActionParams: Sendable, Codable {
    public var textDocument: TextDocumentIdentifier
    public var range: Range
    public var context: CodeActionContext
}

public struct CodeAction: Sendable, Codable, Hashable {
    public var title: String
    public var kind: String
    public var diagnostics: [Diagnostic]?
    public var isPreferred: Bool?
    public var edit: WorkspaceEdit

    public init(title: String, kind: String, diagnostics: [Diagnostic]?, isPreferred: Bool?, edit: WorkspaceEdit) {
        self.title = title
        self.kind = kind
        self.diagnostics = diagnostics
        self.isPreferred = isPreferred
        self.edit = edit
    }
}

public struct TextDocumentPositionParams: Sendable, Codable {
    public var textDocument: TextDocumentIdentifier
    public var position: Position
}

public struct MarkupContent: Sendable, Codable, Hashable {
    public var kind = "markdown"
    public var value: String

    public init(value: String) {
        self.value = value
    }
}

public struct Hover: Sendable, Codable, Hashable {
    public var contents: MarkupContent
    public var range: Range?

    public init(contents: MarkupContent, range: Range?) {
        self.contents = contents
        self.range = range
    }
}

public struct FileEvent: Sendable, Codable {
    public var uri: String
    /// 1 created, 2 changed, 3 deleted.
    public var type: Int
}

public struct DidChangeWatchedFilesParams: Sendable, Codable {
    public var changes: [FileEvent]
}

public struct WorkspaceFolder: Sendable, Codable {
    public var uri: String
    public var name: String?
}

public struct InitializeParams: Sendable, Codable {
    public var processId: Int?
    public var rootUri: String?
    public var rootPath: String?
    public var workspaceFolders: [WorkspaceFolder]?
    public var capabilities: JSONValue?
}
