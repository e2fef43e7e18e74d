using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("ClaimVision.Synthesis.Tests")]
