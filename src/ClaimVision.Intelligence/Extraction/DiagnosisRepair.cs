using ClaimVision.Domain.Documents;

namespace ClaimVision.Intelligence.Extraction;

/// <summary>
/// Matches the diagnosis read to the <see cref="DiagnosisCatalogue"/>. A reading equal to a catalogue name records the
/// entry's ICD-10 code in a passed check. A doubtful reading (confidence below <see cref="RepairBelowConfidence"/>)
/// a glyph or two away from exactly one entry is taken as that entry's name (囊 read as 圳 in 胆囊结石伴慢性胆囊炎): the
/// value keeps what was printed as read, the normalised form becomes the name, the confidence is capped at
/// <see cref="RepairedConfidence"/>, and a check says what was changed. A confident reading is left as it is, because
/// it is more likely a diagnosis the catalogue does not hold (急性 where the catalogue has only 慢性) than a misread.
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
        if (catalogue.Nearest(read) is not { } match) return;
        var code = match.Entry.Code;
        if (match.Distance == 0)
        {
            fields[FieldNames.Diagnosis] = diagnosis with
            {
                Checks = [.. diagnosis.Checks, new FieldCheck(InCatalogue, true, $"ICD-10 {code} in the diagnosis catalogue ({catalogue.Source}).")],
            };
            return;
        }
        if (diagnosis.Confidence >= RepairBelowConfidence) return;
        fields[FieldNames.Diagnosis] = diagnosis with
        {
            Normalized = match.Name,
            Confidence = Math.Min(diagnosis.Confidence, RepairedConfidence),
            Checks =
            [
                .. diagnosis.Checks,
                new FieldCheck(InCatalogue, true,
                    $"Read with {match.Distance} character(s) unlike ICD-10 {code} '{match.Name}' and no other entry as near " +
                    $"({catalogue.Source}); taken as that name. Check it on the image."),
            ],
        };
    }
}
