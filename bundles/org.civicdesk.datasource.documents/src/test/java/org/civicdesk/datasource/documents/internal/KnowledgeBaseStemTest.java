package org.civicdesk.datasource.documents.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.civicdesk.core.api.SearchText;
import org.junit.Test;

public class KnowledgeBaseStemTest {
    @Test
    public void inflectedRomanianFormsShareAStem() {
        String stem = KnowledgeBaseImpl.stem(SearchText.fold("autorizație"));
        for (String form : new String[] {"autorizația", "autorizatie", "Autorizațiile"}) {
            assertTrue(form, SearchText.fold(form).startsWith(stem));
        }
        assertTrue(SearchText.fold("certificatul de naștere").contains(KnowledgeBaseImpl.stem("nastere")));
        assertEquals("taxa", KnowledgeBaseImpl.stem("taxa"));
    }
}
