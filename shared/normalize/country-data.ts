/**
 * Country data: every ISO 3166-1 code pair, and the names people type that the CLDR names
 * from `Intl.DisplayNames` do not cover.
 */

/**
 * Every ISO 3166-1 alpha-2 code followed by its alpha-3 code (`USUSA`), space-separated.
 * The 249 assigned codes plus `XK` (Kosovo, user-assigned but used by CLDR, libphonenumber
 * and most data providers). One string, split once, weighs far less than an object literal.
 */
export const ISO_CODE_PAIRS =
  'ADAND AEARE AFAFG AGATG AIAIA ALALB AMARM AOAGO AQATA ARARG ASASM ATAUT AUAUS AWABW AXALA ' +
  'AZAZE BABIH BBBRB BDBGD BEBEL BFBFA BGBGR BHBHR BIBDI BJBEN BLBLM BMBMU BNBRN BOBOL BQBES ' +
  'BRBRA BSBHS BTBTN BVBVT BWBWA BYBLR BZBLZ CACAN CCCCK CDCOD CFCAF CGCOG CHCHE CICIV CKCOK ' +
  'CLCHL CMCMR CNCHN COCOL CRCRI CUCUB CVCPV CWCUW CXCXR CYCYP CZCZE DEDEU DJDJI DKDNK DMDMA ' +
  'DODOM DZDZA ECECU EEEST EGEGY EHESH ERERI ESESP ETETH FIFIN FJFJI FKFLK FMFSM FOFRO FRFRA ' +
  'GAGAB GBGBR GDGRD GEGEO GFGUF GGGGY GHGHA GIGIB GLGRL GMGMB GNGIN GPGLP GQGNQ GRGRC GSSGS ' +
  'GTGTM GUGUM GWGNB GYGUY HKHKG HMHMD HNHND HRHRV HTHTI HUHUN IDIDN IEIRL ILISR IMIMN ININD ' +
  'IOIOT IQIRQ IRIRN ISISL ITITA JEJEY JMJAM JOJOR JPJPN KEKEN KGKGZ KHKHM KIKIR KMCOM KNKNA ' +
  'KPPRK KRKOR KWKWT KYCYM KZKAZ LALAO LBLBN LCLCA LILIE LKLKA LRLBR LSLSO LTLTU LULUX LVLVA ' +
  'LYLBY MAMAR MCMCO MDMDA MEMNE MFMAF MGMDG MHMHL MKMKD MLMLI MMMMR MNMNG MOMAC MPMNP MQMTQ ' +
  'MRMRT MSMSR MTMLT MUMUS MVMDV MWMWI MXMEX MYMYS MZMOZ NANAM NCNCL NENER NFNFK NGNGA NINIC ' +
  'NLNLD NONOR NPNPL NRNRU NUNIU NZNZL OMOMN PAPAN PEPER PFPYF PGPNG PHPHL PKPAK PLPOL PMSPM ' +
  'PNPCN PRPRI PSPSE PTPRT PWPLW PYPRY QAQAT REREU ROROU RSSRB RURUS RWRWA SASAU SBSLB SCSYC ' +
  'SDSDN SESWE SGSGP SHSHN SISVN SJSJM SKSVK SLSLE SMSMR SNSEN SOSOM SRSUR SSSSD STSTP SVSLV ' +
  'SXSXM SYSYR SZSWZ TCTCA TDTCD TFATF TGTGO THTHA TJTJK TKTKL TLTLS TMTKM TNTUN TOTON TRTUR ' +
  'TTTTO TVTUV TWTWN TZTZA UAUKR UGUGA UMUMI USUSA UYURY UZUZB VAVAT VCVCT VEVEN VGVGB VIVIR ' +
  'VNVNM VUVUT WFWLF WSWSM XKXKX YEYEM YTMYT ZAZAF ZMZMB ZWZWE';

/**
 * Names for countries beyond, or ahead of, the CLDR ones: the most common names, short and
 * long official forms, historical and colloquial names, the constituent countries of the UK,
 * and local-language names in common use. Folded (case, accents, punctuation) before use, so
 * write them naturally.
 */
export const COUNTRY_ALIASES: ReadonlyArray<readonly [name: string, code: string]> = [
  // The names most leads carry, so the first lead of an isolate rarely pays for loading ICU's
  // display names (`Intl.DisplayNames` finds these too).
  ['United States', 'US'],
  ['Estados Unidos', 'US'],
  ['Canada', 'CA'],
  ['Mexico', 'MX'],
  ['United Kingdom', 'GB'],
  ['Reino Unido', 'GB'],
  ['Germany', 'DE'],
  ['Alemania', 'DE'],
  ['France', 'FR'],
  ['Francia', 'FR'],
  ['Spain', 'ES'],
  ['Brazil', 'BR'],
  ['Italy', 'IT'],
  ['Netherlands', 'NL'],
  ['Ireland', 'IE'],
  ['India', 'IN'],
  ['Australia', 'AU'],
  ['Argentina', 'AR'],
  ['Colombia', 'CO'],
  ['Chile', 'CL'],
  ['Peru', 'PE'],
  ['Japan', 'JP'],
  ['China', 'CN'],
  // United States
  ['United States of America', 'US'],
  ['America', 'US'],
  ['US of A', 'US'],
  ['Estados Unidos de América', 'US'],
  ['EE. UU.', 'US'],
  ['EEUU', 'US'],
  ['E.U.A.', 'US'],
  ['Etats-Unis d’Amérique', 'US'],
  // United Kingdom
  ['UK', 'GB'],
  ['Great Britain', 'GB'],
  ['Britain', 'GB'],
  ['England', 'GB'],
  ['Scotland', 'GB'],
  ['Wales', 'GB'],
  ['Northern Ireland', 'GB'],
  ['Gran Bretaña', 'GB'],
  ['Inglaterra', 'GB'],
  ['Escocia', 'GB'],
  ['Gales', 'GB'],
  ['Irlanda del Norte', 'GB'],
  ['Grande-Bretagne', 'GB'],
  ['Angleterre', 'GB'],
  ['Écosse', 'GB'],
  ['Pays de Galles', 'GB'],
  ['Großbritannien', 'GB'],
  ['United Kingdom of Great Britain and Northern Ireland', 'GB'],
  // Europe
  ['Holland', 'NL'],
  ['The Netherlands', 'NL'],
  ['Holanda', 'NL'],
  ['Nederland', 'NL'],
  ['Deutschland', 'DE'],
  ['España', 'ES'],
  ['Italia', 'IT'],
  ['Belgique', 'BE'],
  ['België', 'BE'],
  ['Schweiz', 'CH'],
  ['Suisse', 'CH'],
  ['Svizzera', 'CH'],
  ['Österreich', 'AT'],
  ['Polska', 'PL'],
  ['Sverige', 'SE'],
  ['Norge', 'NO'],
  ['Danmark', 'DK'],
  ['Suomi', 'FI'],
  ['Hellas', 'GR'],
  ['Česko', 'CZ'],
  ['Czech Republic', 'CZ'],
  ['República Checa', 'CZ'],
  ['Slovak Republic', 'SK'],
  ['Hrvatska', 'HR'],
  ['Éire', 'IE'],
  ['Republic of Ireland', 'IE'],
  ['Russian Federation', 'RU'],
  ['Moldova, Republic of', 'MD'],
  ['Republic of Moldova', 'MD'],
  ['Macedonia', 'MK'],
  ['Bosnia', 'BA'],
  ['Bosnia-Herzegovina', 'BA'],
  ['Vatican', 'VA'],
  ['Holy See', 'VA'],
  ['Turkey', 'TR'],
  ['Turquía', 'TR'],
  ['Faroes', 'FO'],
  ['Kosova', 'XK'],
  // The Americas
  ['Méjico', 'MX'],
  ['Brasil', 'BR'],
  ['Falklands', 'FK'],
  ['Malvinas', 'FK'],
  ['Islas Malvinas', 'FK'],
  ['Bolivia, Plurinational State of', 'BO'],
  ['Trinidad', 'TT'],
  ['Antigua', 'AG'],
  ['St Vincent', 'VC'],
  ['St Kitts', 'KN'],
  ['Venezuela, Bolivarian Republic of', 'VE'],
  // Asia and the Middle East
  ['Korea', 'KR'],
  ['Republic of Korea', 'KR'],
  ['Korea, Republic of', 'KR'],
  ['Corea', 'KR'],
  ['DPRK', 'KP'],
  ['Democratic People’s Republic of Korea', 'KP'],
  ['PRC', 'CN'],
  ['People’s Republic of China', 'CN'],
  ['Republic of China', 'TW'],
  ['Taiwan, Province of China', 'TW'],
  ['Hong Kong', 'HK'],
  ['Macau', 'MO'],
  ['Macao', 'MO'],
  ['Viet Nam', 'VN'],
  ['Laos', 'LA'],
  ['Lao PDR', 'LA'],
  ['Burma', 'MM'],
  ['Brunei Darussalam', 'BN'],
  ['East Timor', 'TL'],
  ['Iran, Islamic Republic of', 'IR'],
  ['Syrian Arab Republic', 'SY'],
  ['UAE', 'AE'],
  ['Emirates', 'AE'],
  ['KSA', 'SA'],
  ['Palestine', 'PS'],
  ['State of Palestine', 'PS'],
  ['Kyrgyz Republic', 'KG'],
  // Africa and Oceania
  ['Ivory Coast', 'CI'],
  ['Costa de Marfil', 'CI'],
  ['Democratic Republic of the Congo', 'CD'],
  ['DR Congo', 'CD'],
  ['DRC', 'CD'],
  ['Zaire', 'CD'],
  ['Republic of the Congo', 'CG'],
  ['Congo', 'CG'],
  ['Swaziland', 'SZ'],
  ['Cape Verde', 'CV'],
  ['Sao Tome', 'ST'],
  ['Tanzania, United Republic of', 'TZ'],
  ['Micronesia, Federated States of', 'FM'],
];
