grammar Prec;
program : EOF ;
WS : [ \t\r\n]+ -> skip ;
