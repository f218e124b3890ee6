namespace Enrichment.Committee.Templates;

/// <summary>A template file that cannot be used; the message names the file, the place in it and the problem.</summary>
public sealed class CommitteeTemplateException : Exception
{
    public CommitteeTemplateException()
    {
    }

    public CommitteeTemplateException(string message)
        : base(message)
    {
    }

    public CommitteeTemplateException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
