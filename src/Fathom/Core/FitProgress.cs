namespace Fathom.Core;

/// <summary>One progress report from a long fit: <paramref name="Step"/> of <paramref name="Total"/>
/// (Total is null when unknown, e.g. an optimizer's iterations) and an optional short message such as
/// the current loss.</summary>
public readonly record struct FitProgress(string Stage, long Step, long? Total, string? Message = null);
