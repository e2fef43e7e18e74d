using ClaimVision.Domain.Documents;

namespace ClaimVision.Intelligence.Extraction;

/// <summary>
/// Matches the diagnosis read to the <see cref="DiagnosisCatalogue"/>. A reading equal to a catalogue name records the
/// entry's ICD-10 code in a passed check. A doubtful reading (confidence below <see cref="RepairBelowConfidence"/>)
/// a glyph or two away from exactly one entry is taken as that entry's name (囊 read as 圳 in 胆囊结石伴慢性胆囊炎): the
/// value keeps what was printed as read, the normalised form becomes the name, the confidence is capped at
/// <see cref="RepairedConfidence"/>, and a check says what was changed. A confident reading is left as it is, because
/// it is more likely a diagnosis the catalogue does not hold (急性 where the catalogue has only 慢性) than a misread.
/// When the document prints a diagnosis code the catalogue holds, a doubtful reading a glyph or two from one of that
/// code's names is taken as that name however near other entries lie: the code says which of them was written
/// (骨远端骨折 beside S52.5 is 桡骨远端骨折, not 肱骨远端骨折). A reading that is exactly another entry's name stays, and so
/// does a confident one (`Calculus of gallbladder with cholecystitis` beside K80.1 is a doctor's wording, not a misread
/// of the catalogue's `… with other cholecystitis`).
/// </summary>
public static class DiagnosisRepair
{
    /// <summary>Name of the check recorded on a diagnosis matched to the catalogue.</summary>
    public const string InCatalogue = "diagnosisInCatalogue";

    /// <summary>Only a reading less sure than this is repaired.</summary>
    public const double RepairBelowConfidence = 0.85;

    /// <summary>The most a repaired diagnosis is trusted: the catalogue says which name is nearest, not that it was printed.</summary>
    public const double RepairedConfidence = 0.7;

    public static void Apply(Dictionary<string, ExtractedField> fields, DiagnosisCatalogue? catalogue)
    {
        if (catalogue is null || !fields.TryGetValue(FieldNames.Diagnosis, out var diagnosis)) return;
        var read = diagnosis.Normalized ?? diagnosis.Value;
        var match = catalogue.Nearest(read);
        if (match is { Distance: 0 })
        {
            fields[FieldNames.Diagnosis] = diagnosis with
            {
                Checks = [.. diagnosis.Checks, new FieldCheck(InCatalogue, true, $"ICD-10 {match.Entry.Code} in the diagnosis catalogue ({catalogue.Source}).")],
            };
            return;
        }
        if (diagnosis.Confidence >= RepairBelowConfidence) return;
        if (Coded(fields, catalogue, read) is { } coded)
            fields[FieldNames.Diagnosis] = Repaired(diagnosis, coded.Name,
                $"Read with {coded.Distance} character(s) unlike '{coded.Name}', the name of ICD-10 {coded.Entry.Code} printed on the " +
                $"document ({catalogue.Source}); taken as that name. Check it on the image.");
        else if (match is not null)
            fields[FieldNames.Diagnosis] = Repaired(diagnosis, match.Name,
                $"Read with {match.Distance} character(s) unlike ICD-10 {match.Entry.Code} '{match.Name}' and no other entry as near " +
                $"({catalogue.Source}); taken as that name. Check it on the image.");
    }

    /// <summary>The diagnosis as read, normalised to a catalogue name, its confidence capped and the repair recorded.</summary>
    private static ExtractedField Repaired(ExtractedField diagnosis, string name, string message) => diagnosis with
    {
        Normalized = name,
        Confidence = Math.Min(diagnosis.Confidence, RepairedConfidence),
        Checks = [.. diagnosis.Checks, new FieldCheck(InCatalogue, true, message)],
    };

    /// <summary>The name of the document's own diagnosis code a reading is a misread of, when the code is in the catalogue.</summary>
    private static DiagnosisCatalogue.Match? Coded(Dictionary<string, ExtractedField> fields, DiagnosisCatalogue catalogue, string read) =>
        fields.TryGetValue(FieldNames.DiagnosisCode, out var code) && catalogue.ByCode(code.Normalized ?? code.Value) is { } entry
            ? DiagnosisCatalogue.NearestOf(entry, read)
            : null;
}
