"""WordprocessingML helpers: elements in schema order, so every document passes the Open XML validator."""

from __future__ import annotations

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NSMAP = {"w": W_NS, "r": R_NS}

# Child order of the elements planrapport edits (ECMA-376 part 1, wml.xsd).
ORDER = {
    "pPr": (
        "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr shd tabs "
        "suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi "
        "adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc textDirection "
        "textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange"
    ).split(),
    "rPr": (
        "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof snapToGrid "
        "vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd fitText vertAlign rtl "
        "cs em lang eastAsianLayout specVanish oMath"
    ).split(),
    "tblPr": (
        "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc tblCellSpacing "
        "tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption tblDescription tblPrChange"
    ).split(),
    "tcPr": (
        "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection tcFitText vAlign hideMark "
        "headers cellIns cellDel cellMerge tcPrChange"
    ).split(),
    "sectPr": (
        "headerReference footerReference footnotePr endnotePr type pgSz pgMar paperSrc pgBorders lnNumType "
        "pgNumType cols formProt vAlign noEndnote titlePg textDirection bidi rtlGutter docGrid printerSettings "
        "sectPrChange"
    ).split(),
    "style": (
        "name aliases basedOn next link autoRedefine hidden uiPriority semiHidden unhideWhenUsed qFormat locked "
        "personal personalCompose personalReply rsid pPr rPr tblPr trPr tcPr tblStylePr"
    ).split(),
    "settings": (
        "writeProtection view zoom removePersonalInformation removeDateAndTime doNotDisplayPageBoundaries "
        "displayBackgroundShape printPostScriptOverText printFractionalCharacterWidth printFormsData "
        "embedTrueTypeFonts embedSystemFonts saveSubsetFonts saveFormsData mirrorMargins alignBordersAndEdges "
        "bordersDoNotSurroundHeader bordersDoNotSurroundFooter gutterAtTop hideSpellingErrors "
        "hideGrammaticalErrors activeWritingStyle proofState formsDesign attachedTemplate linkStyles "
        "stylePaneFormatFilter stylePaneSortMethod documentType mailMerge revisionView trackRevisions "
        "doNotTrackMoves doNotTrackFormatting documentProtection autoFormatOverride styleLockTheme styleLockQFSet "
        "defaultTabStop autoHyphenation consecutiveHyphenLimit hyphenationZone doNotHyphenateCaps showEnvelope "
        "summaryLength clickAndTypeStyle defaultTableStyle evenAndOddHeaders bookFoldRevPrinting bookFoldPrinting "
        "bookFoldPrintingSheets drawingGridHorizontalSpacing drawingGridVerticalSpacing "
        "displayHorizontalDrawingGridEvery displayVerticalDrawingGridEvery doNotUseMarginsForDrawingGridOrigin "
        "drawingGridHorizontalOrigin drawingGridVerticalOrigin doNotShadeFormData noPunctuationKerning "
        "characterSpacingControl printTwoOnOne strictFirstAndLastChars noLineBreaksAfter noLineBreaksBefore "
        "savePreviewPicture doNotValidateAgainstSchema saveInvalidXml ignoreMixedContent "
        "alwaysShowPlaceholderText doNotDemarcateInvalidXml saveXmlDataOnly useXSLTWhenSaving saveThroughXslt "
        "showXMLTags alwaysMergeEmptyNamespace updateFields hdrShapeDefaults footnotePr endnotePr compat docVars "
        "rsids mathPr attachedSchema themeFontLang clrSchemeMapping doNotIncludeSubdocsInStats "
        "doNotAutoCompressPictures forceUpgrade captions readModeInkLockDown smartTagType schemaLibrary "
        "shapeDefaults doNotEmbedSmartTags decimalSymbol listSeparator"
    ).split(),
}


def w(name: str) -> str:
    """The Clark name of a w: element or attribute: w("p") -> "{...main}p"."""
    return f"{{{W_NS}}}{name}"


def rank(parent: str, node: etree._Element) -> int:
    """Where `node` goes among the children of a `parent` element (ORDER, by local name), or -1: not listed."""
    tag = node.tag
    return _RANKS[parent].get(tag.rpartition("}")[2], -1) if isinstance(tag, str) else -1


def local(element: etree._Element) -> str:
    tag = element.tag
    return tag.rpartition("}")[2] if isinstance(tag, str) else etree.QName(element).localname


def element(tag: str, **attributes: str) -> etree._Element:
    """A new w: element with w: attributes: element("lang", val="nl-BE")."""
    node = etree.Element(w(tag), nsmap={"w": W_NS})
    for key, value in attributes.items():
        node.set(w(key), value)
    return node


def child(parent: etree._Element, name: str) -> etree._Element | None:
    # iterchildren, not find: lxml's find goes through its path parser, which shows on thousands of calls
    return next(parent.iterchildren(w(name)), None)


# name -> position in ORDER (the first, should a name be listed twice)
_RANKS = {parent: {name: rank for rank, name in reversed(list(enumerate(names)))} for parent, names in ORDER.items()}

# Properties that come first in their element: w:p starts with w:pPr, w:tc with w:tcPr, ...
FIRST = {"p": "pPr", "r": "rPr", "tc": "tcPr", "tr": "trPr", "tbl": "tblPr"}


def put(parent: etree._Element, new: etree._Element, replace: bool = True) -> etree._Element:
    """Insert `new` into `parent` where the schema wants it (replacing one of the same name)."""
    name = local(new)
    old = next(parent.iterchildren(new.tag), None)  # as in child()
    if old is not None and replace:
        old.addprevious(new)
        parent.remove(old)
        return new
    parent_name = local(parent)
    if FIRST.get(parent_name) == name:
        parent.insert(0, new)
        return new
    ranks = _RANKS[parent_name]
    position = ranks.get(name, len(ORDER[parent_name]))
    for index, existing in enumerate(parent):
        tag = existing.tag
        if isinstance(tag, str) and ranks.get(tag.rpartition("}")[2], -1) > position:
            parent.insert(index, new)
            return new
    parent.append(new)
    return new


def ensure(parent: etree._Element, name: str) -> etree._Element:
    """The child `name` of `parent`, created in schema order when missing."""
    found = child(parent, name)
    return found if found is not None else put(parent, element(name))
