using System.CommandLine;
using ClaimVision.Domain.Documents;
using ClaimVision.Intelligence.Training;

namespace ClaimVision.Cli.Commands;

/// <summary><c>claimvision samples label --type T --out DIR IMAGES…</c>: real images into a sample folder with their
/// document type, for <c>train</c> and <c>evaluate classifier</c>.</summary>
public static class SamplesLabelCommand
{
    public static Command Create()
    {
        var type = new Option<string>("--type") { Description = "The document type of every image given (e.g. other, pharmacy-receipt).", Required = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "Sample folder to copy the images into (created when missing).", Required = true };
        var prefix = new Option<string>("--prefix") { Description = "Put before each copied file's name, to keep sources apart (e.g. sroie-).", DefaultValueFactory = _ => "" };
        var images = new Argument<FileInfo[]>("images") { Description = "Image files (.jpg, .jpeg, .png, .tif, .tiff).", Arity = ArgumentArity.OneOrMore };
        var command = new Command("label", "Copy real images into a sample folder labelled with a document type (type only, no fields), to train and evaluate the classifier on.")
        {
            type, output, prefix, images,
        };
        command.SetAction(parse =>
        {
            var label = parse.GetValue(type)!;
            var folder = parse.GetValue(output)!.FullName;
            IReadOnlyList<LabelledImage> done;
            try
            {
                done = SampleLabeller.Label(parse.GetValue(images)!.Select(f => f.FullName).ToList(), new DocumentType(label), folder, parse.GetValue(prefix)!);
            }
            catch (Exception e) when (e is ArgumentException or FileNotFoundException or InvalidDataException)
            {
                // Raised while checking, before anything is written.
                Console.Error.WriteLine($"samples label: {e.Message} Nothing was labelled.");
                return 2;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"samples label: writing into {folder} failed: {e.Message} Images before it in the list may already be labelled; run the command again when the cause is fixed.");
                return 1;
            }
            foreach (var d in done.Where(d => d.Previous is { } p && p.Label != label))
                Console.WriteLine($"relabelled {Path.GetFileName(d.Image)}: {d.Previous} → {label}");
            if (!DocumentType.BuiltIn.Any(t => t.Label == label))
                Console.WriteLine($"note: '{label}' is not a built-in type; train learns it as a class of its own.");
            Console.WriteLine($"Labelled {done.Count} image(s) {label} in {folder} ({done.Count(d => d.Copied)} copied, {done.Count(d => !d.Copied)} already there).");
            return 0;
        });
        return command;
    }
}
