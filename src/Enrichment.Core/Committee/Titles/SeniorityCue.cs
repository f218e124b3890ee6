namespace Enrichment.Committee.Titles;

/// <summary>What a word of a title says about rank; <see cref="SeniorityCue"/> pairs it with a department when the word names one (CFO).</summary>
internal enum Cue
{
    /// <summary>A C-level title; <see cref="SeniorityCue.Department"/> is its function (CFO → finance).</summary>
    CLevel,
    Vp,
    Director,
    Manager,
    SeniorIc,
    /// <summary>Senior, Sr, Staff, Principal: senior_ic only with an individual-contributor noun.</summary>
    SeniorModifier,
    /// <summary>"X Lead" / "Lead X" without "Team".</summary>
    Lead,
    /// <summary>Level III or higher.</summary>
    HighLevel,
    Ic,
    /// <summary>Partner, Advisor: a rank only next to a named function; alone they say nothing.</summary>
    Partner,
    Trainee,
    Assistant,
    /// <summary>Deputy, Vice, stellvertretender: a C-level title after it is a VP.</summary>
    Deputy,
    /// <summary>Adjoint, adjunto: a C-level title before it is a VP.</summary>
    DeputyAfter,
    /// <summary>Board member, investor, retired…: covers the words so no rank is read from them.</summary>
    Unknown,
    /// <summary>Retired, self-employed, volunteer: not in a job, whatever rank the title names.</summary>
    Status,
    /// <summary>Words that only hide others ("lead generation" is not a Lead).</summary>
    Neutral,
}

/// <param name="Open">For executive C-level words (President, Managing Director, Geschäftsführer, Vorstand): a named
/// function in the title is their department ("Vorstand Finanzen" → finance). Founder, Owner and CEO stay executive.</param>
internal readonly record struct SeniorityCue(Cue Cue, Department? Department = null, bool Open = false);
