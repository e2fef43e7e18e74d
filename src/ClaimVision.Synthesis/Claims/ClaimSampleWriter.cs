using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using ClaimVision.Domain.Claims;
using ClaimVision.Domain.Documents;
using ClaimVision.Synthesis.Cases;

namespace ClaimVision.Synthesis.Claims;

/// <summary>
/// Writes claim directories from <see cref="ClaimScenario"/>s: <c>claim.json</c> (a <see cref="ClaimRequest"/>), one
/// mildly degraded photo per document, and <c>expected.json</c> (decision, payable amount, the hand arithmetic).
/// The same seed gives the same bytes.
/// </summary>
public static class ClaimSampleWriter
{
    public const string ClaimFile = "claim.json";
    public const string ExpectedFile = "expected.json";
    /// <summary>Phone-photo effects are kept mild: these claims test assessment, not OCR under duress.</summary>
    public const double Severity = 0.2;
    /// <summary>How much of a truncated file is kept: its headers and a sliver of image data.</summary>
    public const int TruncatedLength = 600;
    /// <summary>What the contradicting settlement sheet adds to the total.</summary>
    public const decimal ContradictionDelta = 200.00m;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Writes every scenario under <paramref name="outputDirectory"/>; returns the directories written.</summary>
    public static IReadOnlyList<string> WriteAll(IReadOnlyList<ClaimScenario> scenarios, string outputDirectory, int seed, Action<ClaimScenario>? written = null)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        var dirs = new List<string>();
        for (var i = 0; i < scenarios.Count; i++)
        {
            dirs.Add(Write(scenarios[i], Path.Combine(outputDirectory, scenarios[i].Id), SampleGenerator.Mix(seed, i, 0xC1A)));
            written?.Invoke(scenarios[i]);
        }
        return dirs;
    }

    /// <summary>Writes one claim directory (replacing what was there).</summary>
    public static string Write(ClaimScenario scenario, string directory, int seed)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var medicalCase = BuildCase(scenario, seed);
        if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        Directory.CreateDirectory(directory);
        for (var k = 0; k < scenario.Documents.Count; k++)
        {
            var type = scenario.Documents[k];
            var shown = type == DocumentType.SettlementSheet && scenario.Fault == ScenarioFault.ContradictingSettlementTotal
                ? medicalCase.WithWrongTotal(ContradictionDelta)
                : medicalCase;
            var obscured = type == DocumentType.SettlementSheet && scenario.Fault == ScenarioFault.IllegibleSettlementTotal ? new[] { FieldNames.TotalAmount, FieldNames.PersonalPaidAmount } : [];
            var name = $"{k + 1}-{type.Label}";
            var document = DocumentRenderer.Render(shown, type, new RenderOptions { Id = name, Severity = Severity, Obscured = obscured }, SampleGenerator.Mix(seed, k, 0xD0C));
            var bytes = document.Image;
            if (type == DocumentType.DischargeSummary && scenario.Fault == ScenarioFault.TruncatedDischargeSummary)
                bytes = bytes[..Math.Min(bytes.Length, TruncatedLength)];
            File.WriteAllBytes(Path.Combine(directory, document.Truth.Image), bytes);
        }
        File.WriteAllText(Path.Combine(directory, ClaimFile), JsonSerializer.Serialize(Request(scenario), Json) + "\n");
        File.WriteAllText(Path.Combine(directory, ExpectedFile), JsonSerializer.Serialize(scenario.Expected, Json) + "\n");
        return directory;
    }

    /// <summary>
    /// The scenario as a <see cref="MedicalCase"/>: a generated case for the incidental details (department, record
    /// number, physician …) with everything the assessment reads replaced by the scenario's values.
    /// </summary>
    /// <exception cref="InvalidOperationException">The items and basic-insurance settlement do not give the stated total and basic payment.</exception>
    public static MedicalCase BuildCase(ClaimScenario scenario, int seed)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var items = scenario.Items.Select(i => new CaseLineItem(i.Description, i.FeeClass, i.Quantity, i.UnitPrice, i.Amount, i.Category, i.SelfPayRatio, i.Code)).ToList();
        var settlement = CaseGenerator.Settle(items, scenario.BasicDeductible, scenario.BasicRate);
        if (settlement.Total != scenario.StatedTotal || settlement.InsurancePaid != scenario.StatedBasicPaid)
            throw new InvalidOperationException(
                $"Scenario {scenario.Id}: the items bill {settlement.Total:0.00} with basic insurance paying {settlement.InsurancePaid:0.00}, but the scenario states {scenario.StatedTotal:0.00} and {scenario.StatedBasicPaid:0.00}; fix its arithmetic.");
        var generated = CaseGenerator.Generate(seed, scenario.Language);
        var person = scenario.Person;
        var discharge = scenario.Admission.AddDays(scenario.Days);
        var address = person.Region is { } r ? $"{r.Province}{r.County}{r.County![..1]}家寨{person.IdNumber[^3..^1]}号" : generated.Patient.Address;
        return generated with
        {
            CaseId = scenario.Id,
            Patient = new Patient(person.Name, person.IdNumber, person.Male, person.BirthDate, address),
            Hospital = generated.Hospital with { Name = scenario.HospitalName, Level = scenario.HospitalLevel, Address = scenario.HospitalAddress },
            AdmissionDate = scenario.Admission,
            DischargeDate = discharge,
            DocumentDate = discharge,
            Diagnosis = scenario.Diagnosis,
            DiagnosisCode = scenario.DiagnosisCode,
            InvoiceNumber = scenario.InvoiceNumber,
            LineItems = items,
            Settlement = settlement,
        };
    }

    /// <summary>The claim.json of a scenario.</summary>
    public static ClaimRequest Request(ClaimScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var p = scenario.Person;
        var submitted = scenario.Admission.AddDays(scenario.Days + 3).ToDateTime(new TimeOnly(9, 30));
        return new ClaimRequest
        {
            ClaimId = $"CV-2026-{scenario.Id[..2]}",
            PolicyId = scenario.PolicyId,
            Insured = new InsuredPerson { Name = p.Name, IdNumber = p.IdNumber, BirthDate = p.BirthDate, HouseholdId = p.HouseholdId, Region = p.Region },
            SubmittedBy = scenario.SubmittedBy,
            SubmittedAt = new DateTimeOffset(submitted, scenario.Language == "zh" ? TimeSpan.FromHours(8) : TimeSpan.FromHours(-6)),
        };
    }
}
