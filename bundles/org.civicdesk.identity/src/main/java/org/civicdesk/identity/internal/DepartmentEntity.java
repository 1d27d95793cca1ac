package org.civicdesk.identity.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import org.civicdesk.identity.api.Department;

@Entity
@Table(name = "CD_DEPARTMENT")
public class DepartmentEntity {
    @Id
    @Column(name = "CODE", length = 30)
    private String code;
    @Column(name = "NAME", nullable = false, length = 200)
    private String name;

    protected DepartmentEntity() {
    }

    DepartmentEntity(String code, String name) {
        this.code = code;
        this.name = name;
    }

    void rename(String newName) {
        this.name = newName;
    }

    Department toDto() {
        return new Department(code, name);
    }
}
