/*
 * The .prec language: declarations, actions and expressions for precision-aware scaling-law research.
 * Reference with an example per construct: docs/language.md.
 *
 * Newlines end statements. The parser never sees a newline inside (...) or [...], after a token
 * that cannot end a statement (an operator, ',', '=', ':', an opening bracket, a clause keyword),
 * or before a token that cannot start one ('}', ')', ']', '.', a binary operator, a clause keyword).
 * That filtering happens between lexer and parser (dev.prec.lang.parse.StatementSplitter), which also
 * cuts the input into statements so that every statement is parsed, and its first error reported,
 * on its own. Inside {...} newlines stay: they separate record fields and the lines of a law body.
 */
grammar Prec;

// ---------------------------------------------------------------------------------------- program

/** A whole script. */
program : sep* (statement (sep+ statement)*)? sep* EOF ;

/** One statement cut out of a script by the splitter. */
statementLine : sep* statement sep* EOF ;

sep : NL | ';' ;

// ------------------------------------------------------------------------------------- statements

statement
    : declKeyword name '=' expression                               # declStatement
    | LAW name '(' lawVariables? ')' lawBody                        # lawStatement
    | FN name '=' name operand (WITH operand)?                      # fnStatement
    | name '=' expression                                           # assignStatement
    | PRINT expression                                              # printStatement
    | PLOT operand (AGAINST operand)? TO operand (WITH operand)?    # plotStatement
    | EXPORT operand TO operand                                     # exportStatement
    | REPORT TO operand (WITH operand)?                             # reportStatement
    | ASSERT operand                                                # assertStatement
    | expression                                                    # expressionStatement
    ;

declKeyword : DATA | MODEL | FORMAT | PRECISION | SWEEP | LAW ;

lawVariables : name (',' name)* ','? ;

lawBody : '{' sep* lawItem (sep+ lawItem)* sep* '}' ;

lawItem
    : PARAMS lawParam (',' lawParam)*                               # paramsItem
    | name '=' expression                                           # bindingItem
    ;

lawParam
    : name (op=('>' | '>=' | '<' | '<=') additive)?                 # boundedParam
    | name IN '[' additive ',' additive ']'                         # intervalParam
    ;

// ------------------------------------------------------------------------------------ expressions

expression
    : action                                                        # actionExpression
    | operand (clause)*                                             # clauseExpression
    ;

/** Postfix clauses, left to right: `runs where loss < 3 with {...}`. */
clause
    : WHERE operand                                                 # whereClause
    | WITH operand                                                  # withClause
    ;

action
    : TRAIN operand ON operand (WITH operand)?                       # trainAction
    | QUANTIZE operand TO operand (USING operand)?                  # quantizeAction
    | FIT operand TO operand (WHERE operand)? (WITH operand)?       # fitAction
    | PREDICT operand AT operand                                    # predictAction
    | OPTIMIZE operand FOR BUDGET operand (WITH operand)?            # optimizeAction
    | PLAN expression                                               # planAction
    ;

operand : orExpr ;

orExpr : andExpr (OR andExpr)* ;

andExpr : notExpr (AND notExpr)* ;

notExpr
    : NOT notExpr                                                   # notOperator
    | comparison                                                    # notPassThrough
    ;

/** Comparisons do not chain: `a < b < c` is an error. */
comparison : range (comparisonTail)? ;

comparisonTail
    : op=('==' | '!=' | '<' | '<=' | '>' | '>=' | IN) range          # compareTail
    | BETWEEN range AND range                                       # betweenTail
    ;

range : additive ('..' additive (BY additive)?)? ;

additive : multiplicative (op+=('+' | '-') multiplicative)* ;

multiplicative : unary (op+=('*' | '/') unary)* ;

unary
    : '-' unary                                                     # negate
    | power                                                         # unaryPassThrough
    ;

/** Right-associative: `a ^ b ^ c` is `a ^ (b ^ c)`; the exponent may be negated: `N ^ -alpha`. */
power : postfix ('^' unary)? ;

postfix : primary (suffix)* ;

suffix
    : '(' arguments? ')'                                            # callSuffix
    | '.' anyName                                                   # memberSuffix
    | '[' expression ']'                                            # indexSuffix
    | granularity                                                   # granularitySuffix
    | rounding                                                      # roundingSuffix
    ;

granularity
    : PER_TENSOR
    | PER_CHANNEL
    | PER_TOKEN
    | PER_GROUP '(' expression ')'
    ;

rounding : NEAREST | STOCHASTIC ;

arguments : argument (',' argument)* ','? ;

argument
    : anyName ':' expression                                        # namedArgument
    | expression                                                    # positionalArgument
    ;

primary
    : NUMBER unit?                                                  # numberLiteral
    | STRING                                                        # stringLiteral
    | (TRUE | FALSE)                                                # boolLiteral
    | name                                                          # nameReference
    | '[' (expression (',' expression)* ','?)? ']'                  # listLiteral
    | '{' NL* (field (fieldSep field)* fieldSep?)? '}'              # recordLiteral
    | '(' expression ')'                                            # parenthesized
    ;

fieldSep : (',' | ';') NL* | NL+ ;

field : (anyName | STRING) ':' expression ;

unit : TOKENS | PARAMS | FLOPS | BITFLOPS | BITS ;

/** Names a script may bind and refer to: identifiers and the words that only have meaning in one place. */
name
    : IDENT
    | DATA | MODEL | FORMAT | PRECISION | BUDGET
    | TOKENS | PARAMS | FLOPS | BITFLOPS | BITS
    | PER_TENSOR | PER_CHANNEL | PER_TOKEN | PER_GROUP | NEAREST | STOCHASTIC
    ;

/** After '.' and before ':' any word is a name: `best.precision.bits`, `{ with: 1 }`. */
anyName
    : name
    | SWEEP | LAW | FN
    | TRAIN | QUANTIZE | FIT | PREDICT | OPTIMIZE | PLAN | PLOT | PRINT | EXPORT | ASSERT | REPORT
    | ON | WITH | TO | USING | WHERE | AGAINST | FOR | BETWEEN | AT | BY | IN
    | AND | OR | NOT | TRUE | FALSE
    ;

// ------------------------------------------------------------------------------------------ lexer

DATA        : 'data' ;
MODEL       : 'model' ;
FORMAT      : 'format' ;
PRECISION   : 'precision' ;
SWEEP       : 'sweep' ;
LAW         : 'law' ;
/** A guest-language function: `fn cost = js "(N, D, P) => 6*N*D*P/16"`, `fn f = js file("f.js")`. */
FN          : 'fn' ;

TRAIN       : 'train' ;
QUANTIZE    : 'quantize' ;
FIT         : 'fit' ;
PREDICT     : 'predict' ;
OPTIMIZE    : 'optimize' ;
PLAN        : 'plan' ;
PLOT        : 'plot' ;
PRINT       : 'print' ;
EXPORT      : 'export' ;
ASSERT      : 'assert' ;
/** `report to "study.html"`: one self-contained page of the run (docs/plots.md). */
REPORT      : 'report' ;

ON          : 'on' ;
WITH        : 'with' ;
TO          : 'to' ;
USING       : 'using' ;
WHERE       : 'where' ;
AGAINST     : 'against' ;
FOR         : 'for' ;
BUDGET      : 'budget' ;
BETWEEN     : 'between' ;
AT          : 'at' ;
BY          : 'by' ;
IN          : 'in' ;
AND         : 'and' ;
OR          : 'or' ;
NOT         : 'not' ;
TRUE        : 'true' ;
FALSE       : 'false' ;
PARAMS      : 'params' ;

TOKENS      : 'tokens' ;
FLOPS       : 'flops' ;
BITFLOPS    : 'bitflops' ;
BITS        : 'bits' ;

PER_TENSOR  : 'per_tensor' ;
PER_CHANNEL : 'per_channel' ;
PER_TOKEN   : 'per_token' ;
PER_GROUP   : 'per_group' ;
NEAREST     : 'nearest' ;
STOCHASTIC  : 'stochastic' ;

/** `30M`, `1.5B`, `2T`, `10K`, `1e21`, `6.2e-4`, `10%`: the suffix scales (K 1e3, M 1e6, B 1e9, T 1e12, % 1e-2). */
NUMBER : DIGITS ('.' DIGITS)? ([eE] [+-]? DIGITS)? ([KMBT] | '%')? ;
fragment DIGITS : [0-9] ('_'? [0-9])* ;

STRING : '"' (~["\\\r\n] | '\\' ~[\r\n])* '"' ;
/** A string the line ends inside; the splitter reports it. */
UNTERMINATED_STRING : '"' (~["\\\r\n] | '\\' ~[\r\n])* ;

/** Letters of any script, so that papers' symbols can be names: `α`, `Nₑ` are not, `alpha`, `Neff`, `β` are. */
IDENT : [\p{L}_] [\p{L}\p{Nd}_]* ;

DOTDOT  : '..' ;
DOT     : '.' ;
LPAREN  : '(' ;
RPAREN  : ')' ;
LBRACK  : '[' ;
RBRACK  : ']' ;
LBRACE  : '{' ;
RBRACE  : '}' ;
COMMA   : ',' ;
COLON   : ':' ;
SEMI    : ';' ;
EQ      : '==' ;
NE      : '!=' ;
LE      : '<=' ;
GE      : '>=' ;
LT      : '<' ;
GT      : '>' ;
ASSIGN  : '=' ;
PLUS    : '+' ;
MINUS   : '-' ;
STAR    : '*' ;
SLASH   : '/' ;
CARET   : '^' ;

LINE_COMMENT  : '//' ~[\r\n]* -> channel(HIDDEN) ;
/** Ends at EOF when unclosed, so the splitter can say so instead of failing on every following character. */
BLOCK_COMMENT : '/*' .*? ('*/' | EOF) -> channel(HIDDEN) ;

NL : '\r'? '\n' | '\r' ;
WS : [ \t\f]+ -> channel(HIDDEN) ;

/** Any other character; the splitter reports it as unknown. */
ERROR_CHAR : . ;
