// ThrownImageError: the ImageError a call threw, for the JPEG and sniffing suites; records an
// issue if it threw nothing, something else, or an error of more than one line.
import AttnImaging
import Testing

func thrownImageError(_ body: () throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) -> ImageError? {
    do {
        try body()
    } catch let error as ImageError {
        #expect(!error.description.contains("\n"), sourceLocation: sourceLocation)
        return error
    } catch {
        Issue.record("expected an ImageError, got \(error)", sourceLocation: sourceLocation)
        return nil
    }
    Issue.record("expected an ImageError, nothing was thrown", sourceLocation: sourceLocation)
    return nil
}
