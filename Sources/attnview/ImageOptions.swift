// The image budget's options, shared by the TUI, export and classify: how large a picture is
// decoded at all (see AttnImaging.ImageBudget).
import ArgumentParser
import AttnImaging

struct ImageOptions: ParsableArguments {
    @Option(help: "Largest image decoded, in pixels (width x height).")
    var maxPixels = ImageBudget.defaultMaxPixels

    @Option(help: "Largest ratio of an image's longer side to its shorter.")
    var maxAspect = ImageBudget.defaultMaxAspect

    func validate() throws {
        guard maxPixels >= 1 else { throw ValidationError("--max-pixels must be at least 1, got \(maxPixels)") }
        guard maxAspect >= 1 else { throw ValidationError("--max-aspect must be at least 1, got \(maxAspect)") }
    }

    var budget: ImageBudget { ImageBudget(maxPixels: maxPixels, maxAspect: maxAspect) }
}
