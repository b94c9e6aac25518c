/**
 * Header phrases (compact, see `compact()`) that name a well-known attribute under another word, with the attribute
 * names on both destinations. An empty target list means "known to have no standard home": the column is created.
 */
export const SYNONYMS: Record<string, string[]> = {};

function add(phrases: string[], targets: string[]): void {
  for (const p of phrases) SYNONYMS[p] = [...(SYNONYMS[p] ?? []), ...targets];
}

add(['mobile', 'mobilephone', 'mobilenumber', 'mobilephonenumber', 'handy'], ['mobilephone', 'MobilePhone']);
add(['fax', 'faxnumber', 'facsimile'], ['fax', 'Fax']);
add(['website', 'web', 'url', 'homepage', 'webaddress', 'websiteurl', 'www'], ['websiteurl', 'Website']);
add(['revenue', 'annualrevenue', 'turnover', 'annualturnover', 'sale', 'annualsale'], ['revenue', 'AnnualRevenue']);
add(['employee', 'employees', 'headcount', 'staff', 'numberofemployee', 'numberofstaff', 'employeecount', 'staffcount'], ['numberofemployees', 'NumberOfEmployees']);
add(['birthday', 'dateofbirth', 'dob', 'birthdate'], ['birthdate', 'Birthdate']);
add(['department', 'division'], ['department', 'Department']);
add(['assistant', 'assistantname', 'pa', 'secretary'], ['assistantname', 'AssistantName']);
add(['assistantphone', 'paphone'], ['assistantphone', 'AssistantPhone']);
add(['homephone', 'home', 'privatephone'], ['telephone2', 'HomePhone']);
add(['otherphone', 'alternativephone', 'alternatephone'], ['telephone3', 'OtherPhone']);
add(['linkedin', 'linkedinprofile', 'linkedinurl', 'twitter', 'twitterhandle', 'facebook', 'instagram', 'skype', 'skypeid'], []);
add(['ticker', 'tickersymbol', 'stocksymbol'], ['tickersymbol', 'TickerSymbol']);
add(['stockexchange', 'exchange'], ['stockexchange']);
add(['dun', 'duns', 'dunsnumber'], ['DunsNumber']);
add(['yearfounded', 'founded', 'yearestablished', 'established', 'yearstarted', 'foundedin'], ['YearStarted']);
add(['manager', 'reportsto', 'reportto', 'linemanager', 'manageremail'], ['managername', 'ReportsToId']);
add(['managerphone'], ['managerphone']);
add(['spouse', 'spousename', 'partnername', 'spousepartner'], ['spousesname']);
add(['secondaryemail', 'email2', 'otheremail', 'alternateemail', 'alternativeemail', 'personalemail'], ['emailaddress2']);
add(['email3', 'tertiaryemail'], ['emailaddress3']);
add(['email', 'emailaddress', 'companyemail', 'mainemail', 'generalemail'], ['emailaddress1', 'Email']);
add(['gender', 'sex'], ['gendercode']);
add(['maritalstatus', 'familystatus'], ['familystatuscode']);
add(['hasoptedoutofemail', 'emailoptout', 'optoutemail', 'donotemail'], ['donotemail', 'HasOptedOutOfEmail']);
add(['newsletteroptout', 'bulkemailoptout', 'marketingoptout', 'unsubscribed'], ['donotbulkemail', 'HasOptedOutOfEmail']);
add(['donotcall', 'calloptout'], ['donotphone', 'DoNotCall']);
add(['budget', 'budgetamount'], ['budgetamount']);
add(['decisiondate', 'finaldecisiondate'], ['finaldecisiondate']);
add(['discount', 'discountpercent', 'discountpercentage', 'discountrate'], ['discountpercentage']);
add(['actualrevenue', 'actualvalue', 'wonamount'], ['actualvalue']);
add(['dealtype', 'opportunitytype', 'type', 'businesstype'], ['Type', 'customertypecode']);
add(['leadsource', 'source'], ['leadsourcecode', 'LeadSource', 'AccountSource']);
add(['timeframe', 'purchasetimeframe', 'buyingtimeframe'], ['purchasetimeframe']);
add(['customerneed', 'need', 'requirement'], ['customerneed']);
add(['painpoint', 'customerpainpoint'], ['customerpainpoints']);
add(['creditlimit'], ['creditlimit']);
add(['paymentterm', 'term'], ['paymenttermscode']);
add(['territory', 'salesterritory'], ['territorycode']);
add(['anniversary'], ['anniversary']);
add(['middlename', 'middleinitial'], ['middlename']);
add(['nickname', 'knownas'], ['nickname']);
add(['nextstep'], ['NextStep']);
add(['industry', 'sector'], ['industrycode', 'Industry']);
add(['sic', 'siccode'], ['sic', 'Sic']);
add(['rating'], ['leadqualitycode', 'Rating', 'accountratingcode']);
add(['jobtitle', 'position', 'role'], ['jobtitle', 'Title']);
add(['pager'], ['pager']);
add(['amount', 'dealamount', 'opportunityamount', 'dealvalue', 'value', 'estimatedrevenue', 'estimatedvalue'], ['estimatedvalue', 'Amount']);
add(['officephone', 'businessphone', 'workphone', 'mainphone', 'phone', 'telephone', 'primaryphone'], ['telephone1', 'Phone']);
add(['accounttype', 'relationshiptype', 'customertype'], ['customertypecode', 'Type']);
add(['closingdate', 'closedate', 'expectedclosedate', 'expectedclosingdate', 'estimatedclosedate'], ['CloseDate', 'estimatedclosedate']);

/** Attribute names a header phrase is a synonym of; undefined when the phrase is unknown. */
export function synonymTargets(phrase: string): string[] | undefined {
  return Object.prototype.hasOwnProperty.call(SYNONYMS, phrase) ? SYNONYMS[phrase] : undefined;
}
